import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { safeNextPath } from "@/lib/auth/next-path";
import { getServerSession } from "@/lib/auth/server-session";
import { getInvitedAddress } from "@/lib/organizations/get-invited-address";

export const metadata: Metadata = { title: "Create account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const next = safeNextPath((await searchParams).next);
  if (await getServerSession()) redirect(next);
  // From an invitation's link: its address, while the invitation is live; otherwise the plain form.
  return <SignUpForm next={next} invitedEmail={await getInvitedAddress({ next })} />;
}
