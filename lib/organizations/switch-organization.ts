import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { session } from "@/db/schema/auth";
import { notFound } from "@/lib/errors/app-error";
import { getMembership } from "./get-membership";
import type { TSwitchOrganizationResponse } from "./schemas";

/** Makes one of the user's organizations the active one of this session. */
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
  await db
    .update(session)
    .set({ activeOrganizationId: organizationId })
    .where(and(eq(session.id, sessionId), eq(session.userId, userId)));
  return { activeOrganizationId: organizationId, role: membership.role, organization: membership.organization };
}
