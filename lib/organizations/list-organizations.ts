import { asc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { member, organization } from "@/db/schema/auth";
import { toRole } from "./roles";
import type { TOrganizationSummary } from "./schemas";

/** Every organization the user belongs to, with their role in it. */
export async function listOrganizations({ userId }: { userId: string }): Promise<TOrganizationSummary[]> {
  const rows = await db
    .select({ id: organization.id, name: organization.name, slug: organization.slug, role: member.role })
    .from(member)
    .innerJoin(organization, eq(organization.id, member.organizationId))
    .where(eq(member.userId, userId))
    .orderBy(asc(organization.name));
  return rows.map((row) => ({ ...row, role: toRole(row.role) }));
}
