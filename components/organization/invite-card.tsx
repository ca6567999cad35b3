"use client";

import { Banner, BlockStack, Button, Card, Form, FormLayout, InlineStack, Select, TextField } from "@shopify/polaris";
import { useState } from "react";
import { useInviteMember } from "@/components/api/organizations";
import type { Json } from "@/components/api/api-fetch";
import { useToast } from "@/components/shell/toast";
import { assignableRoles } from "@/lib/organizations/permissions";
import { ZInviteMemberRequest, type TInviteMemberResponse } from "@/lib/organizations/schemas";
import { CopyLinkField } from "./copy-link-field";
import { ROLE_HELP } from "./roles";
import { ROLE_LABEL, type Role } from "@/lib/vocabulary/organizations";

type Invited = Json<TInviteMemberResponse>;

export function InviteCard({ viewerRole }: { viewerRole: Role }) {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("member");
  const [emailError, setEmailError] = useState<string>();
  const showToast = useToast();
  const invite = useInviteMember({ onSuccess: (_result, body) => showToast(`Invitation created for ${body.email}`) });
  // The least role first: it is the one most invitations give.
  const roles = assignableRoles(viewerRole).reverse();
  const serverEmailError = invite.error?.field === "email" ? invite.error.fieldMessage : undefined;

  function submit() {
    const parsed = ZInviteMemberRequest.shape.email.safeParse(email.trim());
    setEmailError(parsed.success ? undefined : parsed.error.issues[0]?.message);
    if (!parsed.success) return;
    invite.mutate({ email: parsed.data, role }, { onSuccess: () => setEmail("") });
  }

  return (
    <Card>
      <BlockStack gap="400">
        <Form onSubmit={submit} noValidate>
          <FormLayout>
            {invite.error && !serverEmailError ? (
              <Banner tone="critical" title="Could not create the invitation">
                <p>{invite.error.message}</p>
              </Banner>
            ) : null}
            <FormLayout.Group>
              <TextField
                label="Email address"
                type="email"
                autoComplete="off"
                placeholder="teammate@example.com"
                value={email}
                onChange={setEmail}
                error={emailError ?? serverEmailError}
              />
              <Select
                label="Role"
                options={roles.map((value) => ({ label: ROLE_LABEL[value], value }))}
                value={role}
                onChange={(value) => setRole(value as Role)}
                helpText={ROLE_HELP[role]}
              />
            </FormLayout.Group>
            <InlineStack align="end">
              <Button submit variant="primary" loading={invite.isPending}>
                Create invitation
              </Button>
            </InlineStack>
          </FormLayout>
        </Form>
        {invite.data ? <InvitationCreated invited={invite.data} onDismiss={() => invite.reset()} /> : null}
      </BlockStack>
    </Card>
  );
}

function InvitationCreated({ invited, onDismiss }: { invited: Invited; onDismiss: () => void }) {
  return (
    <Banner tone="success" title={`Invitation for ${invited.invitation.email} is ready`} onDismiss={onDismiss}>
      <BlockStack gap="300">
        <p>
          Synco does not send email yet: share this link with {invited.invitation.email} yourself. It works for 7 days,
          and only for someone signed in with that address.
        </p>
        <CopyLinkField label="Invitation link" link={invited.link} />
      </BlockStack>
    </Banner>
  );
}
