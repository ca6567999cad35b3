"use client";

import { BlockStack, Button, Card, Form, FormLayout, InlineStack, Text, TextField } from "@shopify/polaris";
import { useRenameOrganization, type OrganizationDetails } from "@/components/api/organizations";
import { useForm } from "@/components/forms/use-form";
import { useToast } from "@/components/shell/toast";
import { ErrorBanner } from "@/components/ui/error-banner";
import { ZRenameOrganizationRequest } from "@/lib/organizations/schemas";

type Organization = OrganizationDetails["organization"];

export function RenameCard({ organization, canEdit }: { organization: Organization; canEdit: boolean }) {
  const showToast = useToast();
  const rename = useRenameOrganization({ onSuccess: (_result, next) => showToast(`Organization renamed to ${next}`) });
  const form = useForm({
    schema: ZRenameOrganizationRequest,
    initialValues: { name: organization.name },
    labels: { name: "Organization name" },
    serverError: rename.error,
  });

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
      <Form onSubmit={form.handleSubmit(({ name }) => rename.mutate(name))} noValidate>
        <FormLayout>
          <ErrorBanner title="Could not rename the organization" error={form.formError} />
          <TextField label="Organization name" autoComplete="organization" maxLength={80} {...form.field("name")} />
          <InlineStack align="end">
            <Button
              submit
              variant="primary"
              loading={rename.isPending}
              disabled={form.values.name.trim() === organization.name}
            >
              Save
            </Button>
          </InlineStack>
        </FormLayout>
      </Form>
    </Card>
  );
}
