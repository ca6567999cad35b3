import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { member, organization } from "@/db/schema/auth";
import type { Role } from "@/lib/vocabulary/organizations";
import { toRole } from "./roles";

export type Membership = {
  memberId: string;
  role: Role;
  organization: { id: string; name: string; slug: string };
};

/** The user's membership of an organization, or null when they do not belong to it. */
export async function getMembership({
  organizationId,
  userId,
}: {
  organizationId: string;
  userId: string;
}): Promise<Membership | null> {
  const [row] = await db
    .select({
      memberId: member.id,
      role: member.role,
      id: organization.id,
      name: organization.name,
      slug: organization.slug,
    })
    .from(member)
    .innerJoin(organization, eq(organization.id, member.organizationId))
    .where(and(eq(member.organizationId, organizationId), eq(member.userId, userId)))
    .limit(1);
  if (!row) return null;
  return {
    memberId: row.memberId,
    role: toRole(row.role),
    organization: { id: row.id, name: row.name, slug: row.slug },
  };
}
