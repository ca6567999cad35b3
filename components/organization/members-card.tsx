"use client";

import {
  Badge,
  BlockStack,
  Box,
  Button,
  Card,
  IndexTable,
  InlineStack,
  Select,
  Text,
  useBreakpoints,
} from "@shopify/polaris";
import { useState } from "react";
import { useChangeMemberRole, type Member } from "@/components/api/organizations";
import { useToast } from "@/components/shell/toast";
import { ErrorBanner } from "@/components/ui/error-banner";
import { assignableRoles, can, canManageMember } from "@/lib/organizations/permissions";
import { ROLE_LABEL, type Role } from "@/lib/vocabulary/organizations";
import { RemoveMemberModal } from "./remove-member-modal";
import { RoleBadge } from "./role-badge";

type Props = { members: Member[]; viewerRole: Role; viewerUserId: string; organizationName: string };

// The server's own rules (lib/organizations/permissions.ts), so people are not offered actions that
// would be refused; the server still decides (e.g. the last owner cannot be demoted → its message shows above).
function permissions(viewerRole: Role, viewerUserId: string, target: Member) {
  const touchable = canManageMember(viewerRole, target.role);
  return { changeRole: touchable, remove: touchable && target.userId !== viewerUserId };
}

export function MembersCard({ members, viewerRole, viewerUserId, organizationName }: Props) {
  const [removing, setRemoving] = useState<Member | null>(null);
  const showToast = useToast();
  const changeRole = useChangeMemberRole({
    onSuccess: (_result, { member, role }) => showToast(`${member.name} is now ${ROLE_LABEL[role].toLowerCase()}`),
  });
  const roleOptions = assignableRoles(viewerRole).map((role) => ({ label: ROLE_LABEL[role], value: role }));
  const manager = can(viewerRole, "members.manage");

  // Four columns do not fit a phone: there each member is one stacked row (Polaris's condensed list).
  const { smDown: condensed } = useBreakpoints();
  const rows = members.map((member, index) => {
    const can = permissions(viewerRole, viewerUserId, member);
    const name = (
      <InlineStack gap="200" blockAlign="center" wrap={false}>
        <Text as="span" fontWeight="semibold">
          {member.name}
        </Text>
        {member.userId === viewerUserId ? <Badge size="small">You</Badge> : null}
      </InlineStack>
    );
    const roleControl = can.changeRole ? (
      <Select
        label={`Role of ${member.name}`}
        labelHidden
        options={roleOptions}
        value={member.role}
        disabled={changeRole.isPending}
        onChange={(role) => changeRole.mutate({ member, role: role as Role })}
      />
    ) : (
      <RoleBadge role={member.role} />
    );
    const removeButton = can.remove ? (
      <Button
        variant="plain"
        tone="critical"
        accessibilityLabel={`Remove ${member.name}`}
        onClick={() => setRemoving(member)}
      >
        Remove
      </Button>
    ) : null;
    return (
      <IndexTable.Row id={member.id} key={member.id} position={index}>
        {condensed ? (
          <Box padding="300" paddingInline="400" width="100%">
            <BlockStack gap="200">
              <div>
                {name}
                <Text as="p" tone="subdued" variant="bodySm" breakWord>
                  {member.email}
                </Text>
              </div>
              <InlineStack gap="400" blockAlign="center">
                {roleControl}
                {removeButton}
              </InlineStack>
            </BlockStack>
          </Box>
        ) : (
          <>
            <IndexTable.Cell>{name}</IndexTable.Cell>
            <IndexTable.Cell>{member.email}</IndexTable.Cell>
            <IndexTable.Cell>{roleControl}</IndexTable.Cell>
            {manager ? <IndexTable.Cell>{removeButton}</IndexTable.Cell> : null}
          </>
        )}
      </IndexTable.Row>
    );
  });

  return (
    <Card padding="0">
      <BlockStack gap="0">
        {changeRole.error ? (
          <Box padding="400">
            <ErrorBanner
              title="Could not change the role"
              error={changeRole.error}
              onDismiss={() => changeRole.reset()}
            />
          </Box>
        ) : null}
        <IndexTable
          condensed={condensed}
          resourceName={{ singular: "member", plural: "members" }}
          itemCount={members.length}
          selectable={false}
          headings={
            manager
              ? [{ title: "Name" }, { title: "Email" }, { title: "Role" }, { title: "Actions", hidden: true }]
              : [{ title: "Name" }, { title: "Email" }, { title: "Role" }]
          }
        >
          {rows}
        </IndexTable>
      </BlockStack>
      <RemoveMemberModal member={removing} organizationName={organizationName} onClose={() => setRemoving(null)} />
    </Card>
  );
}
