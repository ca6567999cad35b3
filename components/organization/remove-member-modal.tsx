"use client";

import { Banner, BlockStack, Modal, Text } from "@shopify/polaris";
import { apiFetch } from "@/components/api/api-fetch";
import type { Member } from "@/components/api/queries";
import { useOrganizationMutation } from "./use-organization-mutation";

export function RemoveMemberModal({
  member,
  organizationName,
  onClose,
}: {
  member: Member | null;
  organizationName: string;
  onClose: () => void;
}) {
  const remove = useOrganizationMutation(
    (target: Member) => apiFetch(`/api/organization/members/${target.id}`, { method: "DELETE" }),
    (target) => `${target.name} was removed`,
  );
  const close = () => {
    remove.reset();
    onClose();
  };

  return (
    <Modal
      open={member !== null}
      onClose={close}
      title={member ? `Remove ${member.name}?` : "Remove member?"}
      primaryAction={{
        content: "Remove member",
        destructive: true,
        loading: remove.isPending,
        onAction: () => member && remove.mutate(member, { onSuccess: close }),
      }}
      secondaryActions={[{ content: "Cancel", onAction: close }]}
    >
      <Modal.Section>
        <BlockStack gap="300">
          {remove.error ? (
            <Banner tone="critical">
              <p>{remove.error.message}</p>
            </Banner>
          ) : null}
          <Text as="p">
            {member?.name} ({member?.email}) will lose access to {organizationName} and its stores right away. You can
            invite them again later.
          </Text>
        </BlockStack>
      </Modal.Section>
    </Modal>
  );
}
