import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { getServerSession } from "@/lib/auth/server-session";
import { listOrganizations } from "@/lib/organizations/list-organizations";

// Signed-out visitors: every page of this group calls requireSession(itsPath), which redirects
// to sign-in with `next` set to that path (a layout does not know the path, so it cannot).
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const session = await getServerSession();
  if (!session) return children;
  const organizations = await listOrganizations({ userId: session.user.id });
  const activeOrganizationId = organizations.some((o) => o.id === session.activeOrganizationId)
    ? session.activeOrganizationId
    : null;
  return <AppShell initialMe={{ user: session.user, organizations, activeOrganizationId }}>{children}</AppShell>;
}
