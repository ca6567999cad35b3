import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { organization } from "@/db/schema/auth";

export async function renameOrganization({ organizationId, name }: { organizationId: string; name: string }) {
  const [updated] = await db
    .update(organization)
    .set({ name })
    .where(eq(organization.id, organizationId))
    .returning({ id: organization.id, name: organization.name, slug: organization.slug });
  return { organization: updated };
}
