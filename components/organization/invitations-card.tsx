"use client";

import { BlockStack, Box, Button, Card, IndexTable, InlineStack, Text, useBreakpoints } from "@shopify/polaris";
import { useCancelInvitation, type PendingInvitation } from "@/components/api/organizations";
import { useToast } from "@/components/shell/toast";
import { RoleBadge } from "./role-badge";

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium" });

// A pending invitation's link is a secret shown once, when it is created: to give someone a new
// link, invite the address again (the old link stops working).
export function InvitationsCard({ invitations }: { invitations: PendingInvitation[] }) {
  const showToast = useToast();
  const cancel = useCancelInvitation({
    onSuccess: (_result, invitation) => showToast(`Invitation for ${invitation.email} canceled`),
  });

  // Four columns do not fit a phone: there each invitation is one stacked row (Polaris's condensed list).
  const { smDown: condensed } = useBreakpoints();

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
        condensed={condensed}
        resourceName={{ singular: "invitation", plural: "invitations" }}
        itemCount={invitations.length}
        selectable={false}
        headings={[{ title: "Email" }, { title: "Role" }, { title: "Expires" }, { title: "Actions", hidden: true }]}
      >
        {invitations.map((invitation, index) => {
          const who = (
            <>
              <Text as="span" fontWeight="semibold" breakWord>
                {invitation.email}
              </Text>
              <Text as="p" tone="subdued" variant="bodySm">
                Invited by {invitation.inviterEmail}
              </Text>
            </>
          );
          const expires = dateFormat.format(new Date(invitation.expiresAt));
          const actions = (
            <InlineStack gap="300" align={condensed ? "start" : "end"} wrap={false}>
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
          );
          return (
            <IndexTable.Row id={invitation.id} key={invitation.id} position={index}>
              {condensed ? (
                <Box padding="300" paddingInline="400" width="100%">
                  <BlockStack gap="200">
                    <div>{who}</div>
                    <InlineStack gap="200" blockAlign="center">
                      <RoleBadge role={invitation.role} />
                      <Text as="span" tone="subdued" variant="bodySm">
                        Expires {expires}
                      </Text>
                    </InlineStack>
                    {actions}
                  </BlockStack>
                </Box>
              ) : (
                <>
                  <IndexTable.Cell>{who}</IndexTable.Cell>
                  <IndexTable.Cell>
                    <RoleBadge role={invitation.role} />
                  </IndexTable.Cell>
                  <IndexTable.Cell>{expires}</IndexTable.Cell>
                  <IndexTable.Cell>{actions}</IndexTable.Cell>
                </>
              )}
            </IndexTable.Row>
          );
        })}
      </IndexTable>
    </Card>
  );
}
