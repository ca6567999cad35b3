import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { organization } from "@/db/schema/auth";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { notFound } from "@/lib/errors/app-error";
import type { TRenameOrganizationResponse } from "./schemas";

export async function renameOrganization({
  organizationId,
  name,
  actor,
}: {
  organizationId: string;
  name: string;
  actor: Actor;
}): Promise<TRenameOrganizationResponse> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ name: organization.name })
      .from(organization)
      .where(eq(organization.id, organizationId))
      .for("update");
    if (!before) throw notFound("Organization");
    const [updated] = await tx
      .update(organization)
      .set({ name })
      .where(eq(organization.id, organizationId))
      .returning({ id: organization.id, name: organization.name, slug: organization.slug });
    await recordAudit(tx, actor, {
      organizationId,
      action: "organization.renamed",
      details: { from: before.name, to: name },
    });
    return { organization: updated! };
  });
}
