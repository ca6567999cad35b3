import { and, eq, gt } from "drizzle-orm";
import { db } from "@/db/client";
import { invitation } from "@/db/schema/auth";
import { hashInvitationToken } from "./invitation-link";

/** The invitation page a sign-up or sign-in returns to: `/invitations/<token>`, nothing more. */
const INVITATION_PATH = /^\/invitations\/([\w-]{43})$/;

/**
 * The address an invitation was sent to, for the sign-up and sign-in forms reached from its link
 * (`next=/invitations/<token>`), only while the invitation can still be accepted: pending and not
 * expired. Anything else — another path, an unknown, expired, answered or withdrawn link — gives
 * null, and the form is the plain one, so a dead link tells nothing. Only the address: the
 * organization, inviter and role stay behind signing in as that address (decisions 46 and 97).
 */
export async function getInvitedAddress({ next }: { next: string }): Promise<string | null> {
  const token = INVITATION_PATH.exec(next)?.[1];
  if (!token) return null;
  const [row] = await db
    .select({ email: invitation.email })
    .from(invitation)
    .where(
      and(
        eq(invitation.tokenHash, hashInvitationToken(token)),
        eq(invitation.status, "pending"),
        gt(invitation.expiresAt, new Date()),
      ),
    );
  return row?.email ?? null;
}
