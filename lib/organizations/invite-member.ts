import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { invitation, member, organization, user } from "@/db/schema/auth";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors/app-error";
import { sendMail } from "@/lib/mail/send-mail";
import type { Role } from "@/lib/vocabulary/organizations";
import { invitationLink, newInvitationToken } from "./invitation-link";
import type { TInviteMemberRequest, TInviteMemberResponse } from "./schemas";
import { assignableRoles } from "./permissions";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

type Inviter = Actor & { role: Role };

/**
 * Invites an email address to the organization. Inviting the same address again replaces the
 * pending invitation, so the newest link is the one that works. The link is answered here once
 * (and mailed); afterwards nobody can read it back.
 */
export async function inviteMember({
  organizationId,
  inviter,
  email,
  role,
}: { organizationId: string; inviter: Inviter } & TInviteMemberRequest): Promise<TInviteMemberResponse> {
  if (!assignableRoles(inviter.role).includes(role))
    throw new AppError("forbidden", "Only an owner can invite another owner");
  const address = email.trim().toLowerCase();
  const { token, tokenHash } = newInvitationToken();

  const created = await db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: member.id })
      .from(member)
      .innerJoin(user, eq(user.id, member.userId))
      .where(and(eq(member.organizationId, organizationId), sql`lower(${user.email}) = ${address}`));
    if (existing)
      throw new AppError("conflict", `${address} is already a member of this organization`, { field: "email" });
    await tx
      .update(invitation)
      .set({ status: "canceled" })
      .where(
        and(
          eq(invitation.organizationId, organizationId),
          eq(invitation.email, address),
          eq(invitation.status, "pending"),
        ),
      );
    const [row] = await tx
      .insert(invitation)
      .values({
        id: crypto.randomUUID(),
        organizationId,
        email: address,
        role,
        status: "pending",
        expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
        inviterId: inviter.userId,
        tokenHash,
      })
      .returning();
    await recordAudit(tx, inviter, {
      organizationId,
      action: "invitation.created",
      target: address,
      details: { role, invitationId: row!.id },
    });
    return row!;
  });

  const [org] = await db
    .select({ name: organization.name })
    .from(organization)
    .where(eq(organization.id, organizationId));
  const link = invitationLink(token);
  await sendMail({
    to: address,
    subject: `${inviter.name} invited you to ${org?.name ?? "an organization"} on Synco`,
    text: `You have been invited to join ${org?.name} as ${role}. Accept within 7 days: ${link}`,
    kind: "invitation",
  });
  return {
    invitation: {
      id: created.id,
      email: created.email,
      role,
      status: created.status,
      expiresAt: created.expiresAt,
      createdAt: created.createdAt,
    },
    link,
  };
}
