"use client";

import { Banner, BlockStack, Button, InlineStack, SkeletonBodyText, Text } from "@shopify/polaris";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { ApiError, apiFetch } from "@/components/api/api-fetch";
import { queryKeys } from "@/components/api/queries";
import { AuthLayout } from "@/components/auth/auth-layout";
import { RoleBadge } from "@/components/organization/role-badge";
import { ROLE_HELP } from "@/components/organization/roles";
import { InvitationUnavailable } from "./invitation-unavailable";
import type { Role } from "@/lib/vocabulary/organizations";

export type Invitation = {
  id: string;
  email: string;
  role: Role;
  status: "pending" | "accepted" | "rejected" | "canceled" | "expired";
  expiresAt: string;
  organizationId: string;
  organizationName: string;
  inviterName: string;
};

export function InvitationView({ invitationId, email }: { invitationId: string; email: string }) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const key = queryKeys.invitation(invitationId);
  const url = `/api/invitations/${encodeURIComponent(invitationId)}`;
  const query = useQuery({
    queryKey: key,
    queryFn: () => apiFetch<{ invitation: Invitation }>(url),
    retry: (count, err) => !(err instanceof ApiError && err.status < 500) && count < 2,
  });
  const accept = useMutation({
    mutationFn: () => apiFetch(`${url}/accept`, { method: "POST" }),
    onSuccess: async () => {
      await queryClient.invalidateQueries();
      router.push("/");
      router.refresh();
    },
  });
  const decline = useMutation({
    mutationFn: () => apiFetch(`${url}/reject`, { method: "POST" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });

  if (query.isPending) {
    return (
      <AuthLayout title="Invitation">
        <SkeletonBodyText lines={4} />
      </AuthLayout>
    );
  }
  if (query.error || query.data.invitation.status !== "pending") {
    return (
      <InvitationUnavailable
        invitation={query.data?.invitation}
        error={query.error}
        email={email}
        invitationId={invitationId}
      />
    );
  }

  const { invitation } = query.data;
  const failure = accept.error ?? decline.error;
  return (
    <AuthLayout
      title={`Join ${invitation.organizationName}`}
      subtitle={`${invitation.inviterName} invited you to join ${invitation.organizationName} on Synco.`}
    >
      <BlockStack gap="400">
        {failure ? (
          <Banner tone="critical" title="Could not answer the invitation">
            <p>{failure.message}</p>
          </Banner>
        ) : null}
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
