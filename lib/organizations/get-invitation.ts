import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { invitation, organization, user } from "@/db/schema/auth";
import { notFound } from "@/lib/errors/app-error";
import { hashInvitationToken } from "./invitation-link";
import { toRole } from "./roles";
import type { TGetInvitationResponse } from "./schemas";

/**
 * An invitation as its invitee sees it, found by its link's secret. Only the invited address may
 * see it: anyone else gets 404, so a leaked link tells nothing about the organization.
 */
export async function getInvitation({
  token,
  email,
}: {
  token: string;
  email: string;
}): Promise<TGetInvitationResponse> {
  const [row] = await db
    .select({
      id: invitation.id,
      email: invitation.email,
      role: invitation.role,
      status: invitation.status,
      expiresAt: invitation.expiresAt,
      organizationId: invitation.organizationId,
      organizationName: organization.name,
      inviterName: user.name,
    })
    .from(invitation)
    .innerJoin(organization, eq(organization.id, invitation.organizationId))
    .innerJoin(user, eq(user.id, invitation.inviterId))
    .where(
      and(
        eq(invitation.tokenHash, hashInvitationToken(token)),
        sql`lower(${invitation.email}) = ${email.trim().toLowerCase()}`,
      ),
    );
  if (!row) throw notFound("Invitation");
  const expired = row.status === "pending" && row.expiresAt.getTime() <= Date.now();
  return { invitation: { ...row, role: toRole(row.role ?? "member"), status: expired ? "expired" : row.status } };
}
