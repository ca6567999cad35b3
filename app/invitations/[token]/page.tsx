import type { Metadata } from "next";
import { InvitationSignedOut } from "@/components/invitations/invitation-signed-out";
import { InvitationView } from "@/components/invitations/invitation-view";
import { getServerSession } from "@/lib/auth/server-session";

export const metadata: Metadata = { title: "Invitation" };

// The path's last segment is the invitation's secret (lib/organizations/invitation-link.ts).
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const session = await getServerSession();
  if (!session) return <InvitationSignedOut path={`/invitations/${encodeURIComponent(token)}`} />;
  return <InvitationView token={token} email={session.user.email} />;
}
