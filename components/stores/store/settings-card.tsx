"use client";

import { BlockStack, Button, Card, Form, FormLayout, InlineStack, Text, TextField } from "@shopify/polaris";
import { useUpdateStoreSettings, type Store } from "@/components/api/stores";
import { useForm } from "@/components/forms/use-form";
import { useToast } from "@/components/shell/toast";
import { ErrorBanner } from "@/components/ui/error-banner";
import { ZUpdateStoreRequest } from "@/lib/stores/schemas";
import { DetailList } from "./detail-list";

const LABELS = { name: "Store name", metafieldNamespace: "Metafield namespace" };
const NAMESPACE_HELP =
  "The namespace in which Synco writes its sync metafields in Shopify. Metafields already written under the previous namespace are not moved.";

/** Name and metafield namespace: owners and admins edit them, members read them. Remount it (key) when the store changes. */
export function SettingsCard({ store, canManage }: { store: Store; canManage: boolean }) {
  const showToast = useToast();
  const save = useUpdateStoreSettings(store.id, { onSuccess: () => showToast("Store settings saved") });
  // Only what changed is sent.
  const changes = ({ name, metafieldNamespace }: Record<keyof typeof LABELS, string>) => ({
    ...(name.trim() !== store.name ? { name } : {}),
    ...(metafieldNamespace.trim() !== store.metafieldNamespace ? { metafieldNamespace } : {}),
  });
  const form = useForm({
    schema: ZUpdateStoreRequest,
    initialValues: { name: store.name, metafieldNamespace: store.metafieldNamespace },
    labels: LABELS,
    toInput: changes,
    serverError: save.error,
  });

  if (!canManage) {
    return (
      <Card>
        <BlockStack gap="300">
          <DetailList
            items={[
              { label: LABELS.name, value: store.name },
              { label: LABELS.metafieldNamespace, value: store.metafieldNamespace },
            ]}
          />
          <Text as="p" tone="subdued" variant="bodySm">
            {NAMESPACE_HELP} Only owners and admins can change these settings.
          </Text>
        </BlockStack>
      </Card>
    );
  }

  return (
    <Card>
      <Form onSubmit={form.handleSubmit((input) => save.mutate(input))} noValidate>
        <FormLayout>
          <ErrorBanner title="Could not save the settings" error={form.formError} />
          <TextField label={LABELS.name} autoComplete="off" maxLength={100} {...form.field("name")} />
          <TextField
            label={LABELS.metafieldNamespace}
            autoComplete="off"
            helpText={NAMESPACE_HELP}
            monospaced
            {...form.field("metafieldNamespace")}
          />
          <InlineStack align="end">
            <Button
              submit
              variant="primary"
              loading={save.isPending}
              disabled={Object.keys(changes(form.values)).length === 0}
            >
              Save
            </Button>
          </InlineStack>
        </FormLayout>
      </Form>
    </Card>
  );
}
