import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { invitation } from "@/db/schema/auth";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { notFound } from "@/lib/errors/app-error";
import type { TOkResponse } from "./schemas";

/** Withdraws a pending invitation of the organization; its link stops working. */
export async function cancelInvitation({
  organizationId,
  invitationId,
  actor,
}: {
  organizationId: string;
  invitationId: string;
  actor: Actor;
}): Promise<TOkResponse> {
  return db.transaction(async (tx) => {
    const [canceled] = await tx
      .update(invitation)
      .set({ status: "canceled" })
      .where(
        and(
          eq(invitation.id, invitationId),
          eq(invitation.organizationId, organizationId),
          eq(invitation.status, "pending"),
        ),
      )
      .returning({ id: invitation.id, email: invitation.email });
    if (!canceled) throw notFound("Invitation");
    await recordAudit(tx, actor, {
      organizationId,
      action: "invitation.canceled",
      target: canceled.email,
      details: { invitationId },
    });
    return { ok: true } as const;
  });
}
