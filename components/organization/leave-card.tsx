"use client";

import { BlockStack, Button, Card, InlineStack, Text } from "@shopify/polaris";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useLeaveOrganization } from "@/components/api/organizations";
import { useToast } from "@/components/shell/toast";
import { ConfirmModal } from "@/components/ui/confirm-modal";

export function LeaveCard({ organizationName, onlyOwner }: { organizationName: string; onlyOwner: boolean }) {
  const [confirming, setConfirming] = useState(false);
  const router = useRouter();
  const showToast = useToast();
  const leave = useLeaveOrganization({
    onSuccess: ({ activeOrganizationId }) => {
      showToast(`You left ${organizationName}`);
      router.push(activeOrganizationId ? "/" : "/organizations/new");
      router.refresh();
    },
  });
  const close = () => {
    setConfirming(false);
    leave.reset();
  };

  return (
    <Card>
      <BlockStack gap="300">
        <Text as="p">
          {onlyOwner
            ? "You are the only owner. Make another member an owner before you leave, so the organization keeps someone who can manage it."
            : `You will lose access to ${organizationName} and its stores. To come back, someone will have to invite you again.`}
        </Text>
        <InlineStack align="end">
          <Button tone="critical" onClick={() => setConfirming(true)} disabled={onlyOwner}>
            Leave organization
          </Button>
        </InlineStack>
      </BlockStack>
      <ConfirmModal
        open={confirming}
        title={`Leave ${organizationName}?`}
        confirmLabel="Leave organization"
        destructive
        loading={leave.isPending}
        error={leave.error}
        onConfirm={() => leave.mutate()}
        onClose={close}
      >
        <Text as="p">You will lose access to {organizationName} and its stores right away.</Text>
      </ConfirmModal>
    </Card>
  );
}
