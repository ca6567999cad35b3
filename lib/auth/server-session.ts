// Session helpers for server components (pages and layouts). Route handlers use lib/http/handler.
import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getMembership, type Membership } from "@/lib/organizations/get-membership";
import { auth } from "./auth";
import { authPath, REQUEST_PATH_HEADER, safeNextPath } from "./next-path";

export type ServerSession = {
  user: { id: string; email: string; name: string };
  sessionId: string;
  activeOrganizationId: string | null;
};

/** The signed-in user of this request, or null. Cached per request: layout and page share it. */
export const getServerSession = cache(async (): Promise<ServerSession | null> => {
  const found = await auth().api.getSession({ headers: await headers() });
  if (!found) return null;
  return {
    user: { id: found.user.id, email: found.user.email, name: found.user.name },
    sessionId: found.session.id,
    activeOrganizationId: (found.session as { activeOrganizationId?: string | null }).activeOrganizationId ?? null,
  };
});

/**
 * The session, or a redirect to sign-in that comes back afterwards to the exact address asked for
 * — query string included, as proxy.ts reports it — or to `path` when the proxy did not run.
 */
export async function requireSession(path: string): Promise<ServerSession> {
  const session = await getServerSession();
  if (!session) redirect(authPath("sign-in", safeNextPath((await headers()).get(REQUEST_PATH_HEADER), path)));
  return session;
}

/**
 * For pages about the active organization: the session and the user's membership of it, or a
 * redirect (to sign-in when signed out, to organization creation when none is active).
 */
export async function requireActiveMembership(
  path: string,
): Promise<{ session: ServerSession; membership: Membership }> {
  const session = await requireSession(path);
  const membership = session.activeOrganizationId
    ? await getMembership({ organizationId: session.activeOrganizationId, userId: session.user.id })
    : null;
  if (!membership) redirect("/organizations/new");
  return { session, membership };
}
