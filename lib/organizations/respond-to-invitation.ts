import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { invitation, member, session, user } from "@/db/schema/auth";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors/app-error";
import { getInvitation } from "./get-invitation";
import type { TAcceptInvitationResponse, TOkResponse } from "./schemas";

type Invitee = Actor & { sessionId: string };

/**
 * Joins the organization with the invited role and makes it the session's active one. The account
 * must own the invited address — same address, verified — or whoever learned the link could sign
 * up with the address and join (docs/threat-model.md, T2).
 */
export async function acceptInvitation({
  token,
  invitee,
}: {
  token: string;
  invitee: Invitee;
}): Promise<TAcceptInvitationResponse> {
  const { invitation: found } = await getInvitation({ token, email: invitee.email });
  const invitationId = found.id;
  assertPending(found.status);
  const [account] = await db.select({ verified: user.emailVerified }).from(user).where(eq(user.id, invitee.userId));
  if (!account?.verified)
    throw new AppError(
      "forbidden",
      `Confirm your email address first: open the link we sent to ${invitee.email}, then accept the invitation`,
      { details: { emailVerificationRequired: true } },
    );
  return db.transaction(async (tx) => {
    // The status guard in the WHERE makes a double click (or two tabs) accept once.
    const [claimed] = await tx
      .update(invitation)
      .set({ status: "accepted" })
      .where(and(eq(invitation.id, invitationId), eq(invitation.status, "pending")))
      .returning({ id: invitation.id });
    if (!claimed) throw new AppError("conflict", "This invitation has already been answered");
    await tx
      .insert(member)
      .values({
        id: crypto.randomUUID(),
        organizationId: found.organizationId,
        userId: invitee.userId,
        role: found.role,
      })
      .onConflictDoNothing();
    await tx
      .update(session)
      .set({ activeOrganizationId: found.organizationId })
      .where(eq(session.id, invitee.sessionId));
    await recordAudit(tx, invitee, {
      organizationId: found.organizationId,
      action: "invitation.accepted",
      target: invitee.email,
      details: { role: found.role, invitationId },
    });
    return { organizationId: found.organizationId, organizationName: found.organizationName, role: found.role };
  });
}

/** Declines the invitation; the link stops working. */
export async function rejectInvitation({ token, invitee }: { token: string; invitee: Invitee }): Promise<TOkResponse> {
  const { invitation: found } = await getInvitation({ token, email: invitee.email });
  const invitationId = found.id;
  assertPending(found.status);
  await db.transaction(async (tx) => {
    await tx
      .update(invitation)
      .set({ status: "rejected" })
      .where(and(eq(invitation.id, invitationId), eq(invitation.status, "pending")));
    await recordAudit(tx, invitee, {
      organizationId: found.organizationId,
      action: "invitation.rejected",
      target: invitee.email,
      details: { invitationId },
    });
  });
  return { ok: true } as const;
}

function assertPending(status: string) {
  if (status === "expired") throw new AppError("conflict", "This invitation has expired; ask for a new one");
  if (status !== "pending") throw new AppError("conflict", `This invitation was already ${status}`);
}
