"use client";

import { Text } from "@shopify/polaris";
import { useRemoveMember, type Member } from "@/components/api/organizations";
import { useToast } from "@/components/shell/toast";
import { ConfirmModal } from "@/components/ui/confirm-modal";

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
    <ConfirmModal
      open={member !== null}
      title={member ? `Remove ${member.name}?` : "Remove member?"}
      confirmLabel="Remove member"
      destructive
      loading={remove.isPending}
      error={remove.error}
      onConfirm={() => member && remove.mutate(member, { onSuccess: close })}
      onClose={close}
    >
      <Text as="p">
        {member?.name} ({member?.email}) will lose access to {organizationName} and its stores right away. You can
        invite them again later.
      </Text>
    </ConfirmModal>
  );
}
