"use client";

import { Banner, BlockStack, Button, Card, Form, FormLayout, InlineStack, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { useUpdateStoreSettings, type Store } from "@/components/api/stores";
import { useToast } from "@/components/shell/toast";
import { ZUpdateStoreRequest, type TUpdateStoreRequest } from "@/lib/stores/schemas";
import { apiFieldError, formErrors } from "../field-error";
import { DetailList } from "./detail-list";

const LABELS = { name: "Store name", metafieldNamespace: "Metafield namespace" };
const NAMESPACE_HELP =
  "The namespace in which Synco writes its sync metafields in Shopify. Metafields already written under the previous namespace are not moved.";

/** Name and metafield namespace: owners and admins edit them, members read them. Remount it (key) when the store changes. */
export function SettingsCard({ store, canManage }: { store: Store; canManage: boolean }) {
  const [name, setName] = useState(store.name);
  const [namespace, setNamespace] = useState(store.metafieldNamespace);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const showToast = useToast();
  const save = useUpdateStoreSettings(store.id, { onSuccess: () => showToast("Store settings saved") });

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

  const changes: TUpdateStoreRequest = {
    ...(name.trim() !== store.name ? { name } : {}),
    ...(namespace.trim() !== store.metafieldNamespace ? { metafieldNamespace: namespace } : {}),
  };
  const unchanged = Object.keys(changes).length === 0;
  const errorOf = (field: keyof typeof LABELS) => errors[field] ?? apiFieldError(save.error, field, LABELS[field]);
  const formError = save.error && !(save.error.field && save.error.field in LABELS) ? save.error.message : null;

  function submit() {
    const parsed = ZUpdateStoreRequest.safeParse(changes);
    setErrors(parsed.success ? {} : formErrors(parsed.error, LABELS));
    if (parsed.success) save.mutate(parsed.data);
  }

  return (
    <Card>
      <Form onSubmit={submit} noValidate>
        <FormLayout>
          {formError ? (
            <Banner tone="critical" title="Could not save the settings">
              <p>{formError}</p>
            </Banner>
          ) : null}
          <TextField
            label={LABELS.name}
            autoComplete="off"
            value={name}
            onChange={setName}
            error={errorOf("name")}
            maxLength={100}
          />
          <TextField
            label={LABELS.metafieldNamespace}
            autoComplete="off"
            value={namespace}
            onChange={setNamespace}
            error={errorOf("metafieldNamespace")}
            helpText={NAMESPACE_HELP}
            monospaced
          />
          <InlineStack align="end">
            <Button submit variant="primary" loading={save.isPending} disabled={unchanged}>
              Save
            </Button>
          </InlineStack>
        </FormLayout>
      </Form>
    </Card>
  );
}
