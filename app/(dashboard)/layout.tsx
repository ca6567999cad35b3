import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { getServerSession } from "@/lib/auth/server-session";
import { getMe } from "@/lib/organizations/get-me";

// Signed-out visitors: every page of this group calls requireSession(itsPath), which redirects
// to sign-in with `next` set to that path (a layout does not know the path, so it cannot).
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const session = await getServerSession();
  if (!session) return children;
  const me = await getMe({ user: session.user, activeOrganizationId: session.activeOrganizationId });
  return <AppShell initialMe={me}>{children}</AppShell>;
}
