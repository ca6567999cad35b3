"use client";

import { Banner, BlockStack, Modal, Text } from "@shopify/polaris";
import { useRemoveMember, type Member } from "@/components/api/organizations";
import { useToast } from "@/components/shell/toast";

export function RemoveMemberModal({
  member,
  organizationName,
  onClose,
}: {
  member: Member | null;
  organizationName: string;
  onClose: () => void;
}) {
  const showToast = useToast();
  const remove = useRemoveMember({ onSuccess: (_result, target) => showToast(`${target.name} was removed`) });
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
