import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { member, session } from "@/db/schema/auth";
import { notFound } from "@/lib/errors/app-error";
import { getMembership } from "./get-membership";
import type { TSwitchOrganizationResponse } from "./schemas";

/** Makes one of the user's organizations the active one of this session, and the one the next sign-in opens on. */
export async function switchOrganization({
  userId,
  sessionId,
  organizationId,
}: {
  userId: string;
  sessionId: string;
  organizationId: string;
}): Promise<TSwitchOrganizationResponse> {
  const membership = await getMembership({ organizationId, userId });
  if (!membership) throw notFound("Organization");
  await db.transaction(async (tx) => {
    await tx
      .update(session)
      .set({ activeOrganizationId: organizationId })
      .where(and(eq(session.id, sessionId), eq(session.userId, userId)));
    await tx
      .update(member)
      .set({ lastActiveAt: new Date() })
      .where(and(eq(member.organizationId, organizationId), eq(member.userId, userId)));
  });
  return { activeOrganizationId: organizationId, role: membership.role, organization: membership.organization };
}
