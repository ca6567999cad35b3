import type { Metadata } from "next";
import { InvitationSignedOut } from "@/components/invitations/invitation-signed-out";
import { InvitationView } from "@/components/invitations/invitation-view";
import { getServerSession } from "@/lib/auth/server-session";

export const metadata: Metadata = { title: "Invitation" };

export default async function InvitationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const session = await getServerSession();
  if (!session) return <InvitationSignedOut path={`/invitations/${encodeURIComponent(id)}`} />;
  return <InvitationView invitationId={id} email={session.user.email} />;
}
