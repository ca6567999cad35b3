"use client";

import { Banner, BlockStack, Button, Card, Form, FormLayout, InlineStack, Select, TextField } from "@shopify/polaris";
import type { Json } from "@/components/api/api-fetch";
import { useInviteMember } from "@/components/api/organizations";
import { useForm } from "@/components/forms/use-form";
import { useToast } from "@/components/shell/toast";
import { ErrorBanner } from "@/components/ui/error-banner";
import { assignableRoles } from "@/lib/organizations/permissions";
import { ZInviteMemberRequest, type TInviteMemberResponse } from "@/lib/organizations/schemas";
import { ROLE_LABEL, type Role } from "@/lib/vocabulary/organizations";
import { CopyLinkField } from "./copy-link-field";
import { ROLE_HELP } from "./roles";

type Invited = Json<TInviteMemberResponse>;

export function InviteCard({ viewerRole }: { viewerRole: Role }) {
  const showToast = useToast();
  const invite = useInviteMember({ onSuccess: (_result, body) => showToast(`Invitation created for ${body.email}`) });
  const form = useForm({
    schema: ZInviteMemberRequest,
    initialValues: { email: "", role: "member" },
    labels: { email: "Email address", role: "Role" },
    toInput: ({ email, role }) => ({ email: email.trim(), role }),
    serverError: invite.error,
  });
  // The least role first: it is the one most invitations give.
  const roles = assignableRoles(viewerRole).reverse();
  const role = form.values.role as Role;

  return (
    <Card>
      <BlockStack gap="400">
        <Form
          onSubmit={form.handleSubmit((input) => invite.mutate(input, { onSuccess: () => form.setValue("email", "") }))}
          noValidate
        >
          <FormLayout>
            <ErrorBanner title="Could not create the invitation" error={form.formError} />
            <FormLayout.Group>
              <TextField
                label="Email address"
                type="email"
                autoComplete="off"
                placeholder="teammate@example.com"
                {...form.field("email")}
              />
              <Select
                label="Role"
                options={roles.map((value) => ({ label: ROLE_LABEL[value], value }))}
                helpText={ROLE_HELP[role]}
                {...form.field("role")}
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
