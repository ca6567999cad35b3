"use client";

import { BlockStack, Button, Text } from "@shopify/polaris";
import { ApiError } from "@/components/api/api-fetch";
import type { Invitation } from "@/components/api/invitations";
import { AuthLayout } from "@/components/auth/auth-layout";
import { authClient } from "@/lib/auth/client";
import { authPath } from "@/lib/auth/next-path";

type Props = { invitation?: Invitation; error: Error | null; email: string; token: string };

const ANSWERED: Record<Exclude<Invitation["status"], "pending">, { title: string; text: string }> = {
  accepted: { title: "Invitation already accepted", text: "You are already a member of this organization." },
  rejected: {
    title: "Invitation declined",
    text: "You declined this invitation. If that was a mistake, ask for a new one.",
  },
  canceled: {
    title: "Invitation canceled",
    text: "This invitation was withdrawn. Ask the person who invited you for a new one.",
  },
  expired: {
    title: "Invitation expired",
    text: "Invitations work for 7 days. Ask the person who invited you for a new one.",
  },
};

/** Every way an invitation link can fail to offer a choice: not for you, answered, expired. */
export function InvitationUnavailable({ invitation, error, email, token }: Props) {
  if (invitation && invitation.status !== "pending") {
    const { title, text } = ANSWERED[invitation.status];
    return (
      <AuthLayout title={title} subtitle={invitation.organizationName}>
        <BlockStack gap="400">
          <Text as="p">{text}</Text>
          <Button variant="primary" url="/">
            Go to Synco
          </Button>
        </BlockStack>
      </AuthLayout>
    );
  }

  if (error instanceof ApiError && error.status === 404) {
    const switchAccount = async () => {
      await authClient.signOut();
      window.location.assign(authPath("sign-in", `/invitations/${encodeURIComponent(token)}`));
    };
    return (
      <AuthLayout title="This invitation is not for this account">
        <BlockStack gap="400">
          <Text as="p">
            You are signed in as {email}. An invitation only opens for the email address it was sent to, and this one
            does not exist or was sent to another address.
          </Text>
          <BlockStack gap="200">
            <Button variant="primary" onClick={() => void switchAccount()}>
              Sign in with another account
            </Button>
            <Button url="/">Go to Synco</Button>
          </BlockStack>
        </BlockStack>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title="Could not load the invitation">
      <BlockStack gap="400">
        <Text as="p">{error?.message ?? "Something went wrong. Please try again."}</Text>
        <Button url="/">Go to Synco</Button>
      </BlockStack>
    </AuthLayout>
  );
}
