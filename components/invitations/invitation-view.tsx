"use client";

import { BlockStack, Button, InlineStack, SkeletonBodyText, Text } from "@shopify/polaris";
import { useRouter } from "next/navigation";
import { ApiError } from "@/components/api/api-fetch";
import { useAcceptInvitation, useInvitation, useRejectInvitation } from "@/components/api/invitations";
import { AuthLayout } from "@/components/auth/auth-layout";
import { RoleBadge } from "@/components/organization/role-badge";
import { ROLE_HELP } from "@/components/organization/roles";
import { ErrorBanner } from "@/components/ui/error-banner";
import { InvitationUnavailable } from "./invitation-unavailable";
import { ResendConfirmation } from "./resend-confirmation";

export function InvitationView({ token, email }: { token: string; email: string }) {
  const router = useRouter();
  const query = useInvitation(token);
  const accept = useAcceptInvitation(token, {
    onSuccess: () => {
      router.push("/");
      router.refresh();
    },
  });
  const decline = useRejectInvitation(token);

  if (query.isPending) {
    return (
      <AuthLayout title="Invitation">
        <SkeletonBodyText lines={4} />
      </AuthLayout>
    );
  }
  if (query.error || query.data.status !== "pending") {
    return <InvitationUnavailable invitation={query.data} error={query.error} email={email} token={token} />;
  }

  const invitation = query.data;
  const failure = accept.error ?? decline.error;
  const needsConfirmation =
    accept.error instanceof ApiError && accept.error.details?.emailVerificationRequired === true;
  return (
    <AuthLayout
      title={`Join ${invitation.organizationName}`}
      subtitle={`${invitation.inviterName} invited you to join ${invitation.organizationName} on Synco.`}
    >
      <BlockStack gap="400">
        <ErrorBanner title="Could not answer the invitation" error={failure} />
        {needsConfirmation && <ResendConfirmation email={email} returnTo={`/invitations/${token}`} />}
        <BlockStack gap="200">
          <InlineStack gap="200" align="start" blockAlign="center">
            <Text as="span" fontWeight="semibold">
              Your role
            </Text>
            <RoleBadge role={invitation.role} />
          </InlineStack>
          <Text as="p" tone="subdued">
            {ROLE_HELP[invitation.role]}. Signed in as {email}.
          </Text>
        </BlockStack>
        <InlineStack gap="200" align="end">
          <Button onClick={() => decline.mutate()} loading={decline.isPending} disabled={accept.isPending}>
            Decline
          </Button>
          <Button
            variant="primary"
            onClick={() => accept.mutate()}
            loading={accept.isPending}
            disabled={decline.isPending}
          >
            Accept invitation
          </Button>
        </InlineStack>
      </BlockStack>
    </AuthLayout>
  );
}
