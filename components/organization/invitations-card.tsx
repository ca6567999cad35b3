"use client";

import { Button, Card, IndexTable, InlineStack, Text } from "@shopify/polaris";
import { apiFetch } from "@/components/api/api-fetch";
import type { PendingInvitation } from "@/components/api/queries";
import { useToast } from "@/components/shell/toast";
import { useCopy } from "./copy-link-field";
import { RoleBadge } from "./role-badge";
import { useOrganizationMutation } from "./use-organization-mutation";

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium" });

export function InvitationsCard({ invitations }: { invitations: PendingInvitation[] }) {
  const copy = useCopy();
  const showToast = useToast();
  const cancel = useOrganizationMutation(
    (invitation: PendingInvitation) => apiFetch(`/api/organization/invitations/${invitation.id}`, { method: "DELETE" }),
    (invitation) => `Invitation for ${invitation.email} canceled`,
  );

  if (invitations.length === 0) {
    return (
      <Card>
        <Text as="p" tone="subdued">
          No pending invitations.
        </Text>
      </Card>
    );
  }

  return (
    <Card padding="0">
      <IndexTable
        resourceName={{ singular: "invitation", plural: "invitations" }}
        itemCount={invitations.length}
        selectable={false}
        headings={[{ title: "Email" }, { title: "Role" }, { title: "Expires" }, { title: "Actions", hidden: true }]}
      >
        {invitations.map((invitation, index) => (
          <IndexTable.Row id={invitation.id} key={invitation.id} position={index}>
            <IndexTable.Cell>
              <Text as="span" fontWeight="semibold">
                {invitation.email}
              </Text>
              <Text as="p" tone="subdued" variant="bodySm">
                Invited by {invitation.inviterEmail}
              </Text>
            </IndexTable.Cell>
            <IndexTable.Cell>
              <RoleBadge role={invitation.role} />
            </IndexTable.Cell>
            <IndexTable.Cell>{dateFormat.format(new Date(invitation.expiresAt))}</IndexTable.Cell>
            <IndexTable.Cell>
              <InlineStack gap="300" align="end" wrap={false}>
                <Button variant="plain" accessibilityLabel={`Copy invitation link for ${invitation.email}`} onClick={() => void copy(invitation.link)}>
                  Copy link
                </Button>
                <Button
                  variant="plain"
                  tone="critical"
                  accessibilityLabel={`Cancel invitation for ${invitation.email}`}
                  loading={cancel.isPending && cancel.variables?.id === invitation.id}
                  onClick={() => cancel.mutate(invitation, { onError: (err) => showToast(err.message, { error: true }) })}
                >
                  Cancel
                </Button>
              </InlineStack>
            </IndexTable.Cell>
          </IndexTable.Row>
        ))}
      </IndexTable>
    </Card>
  );
}
