import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { invitation } from "@/db/schema/auth";
import { notFound } from "@/lib/http/app-error";

/** Withdraws a pending invitation of the organization; its link stops working. */
export async function cancelInvitation({ organizationId, invitationId }: { organizationId: string; invitationId: string }) {
  const [canceled] = await db
    .update(invitation)
    .set({ status: "canceled" })
    .where(and(eq(invitation.id, invitationId), eq(invitation.organizationId, organizationId), eq(invitation.status, "pending")))
    .returning({ id: invitation.id });
  if (!canceled) throw notFound("Invitation");
  return { ok: true };
}
