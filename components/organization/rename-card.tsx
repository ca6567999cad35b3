"use client";

import { Banner, BlockStack, Button, Card, Form, FormLayout, InlineStack, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { useRenameOrganization, type OrganizationDetails } from "@/components/api/organizations";
import { useToast } from "@/components/shell/toast";

type Organization = OrganizationDetails["organization"];

export function RenameCard({ organization, canEdit }: { organization: Organization; canEdit: boolean }) {
  const [name, setName] = useState(organization.name);
  const showToast = useToast();
  const rename = useRenameOrganization({ onSuccess: (_result, next) => showToast(`Organization renamed to ${next}`) });
  const fieldError = rename.error?.field === "name" ? rename.error.fieldMessage : undefined;

  if (!canEdit) {
    return (
      <Card>
        <BlockStack gap="100">
          <Text as="h3" variant="headingSm">
            Organization name
          </Text>
          <Text as="p">{organization.name}</Text>
        </BlockStack>
      </Card>
    );
  }

  return (
    <Card>
      <Form onSubmit={() => rename.mutate(name.trim())} noValidate>
        <FormLayout>
          {rename.error && !fieldError ? (
            <Banner tone="critical" title="Could not rename the organization">
              <p>{rename.error.message}</p>
            </Banner>
          ) : null}
          <TextField
            label="Organization name"
            autoComplete="organization"
            value={name}
            onChange={setName}
            error={fieldError}
            maxLength={80}
          />
          <InlineStack align="end">
            <Button submit variant="primary" loading={rename.isPending} disabled={name.trim() === organization.name}>
              Save
            </Button>
          </InlineStack>
        </FormLayout>
      </Form>
    </Card>
  );
}
