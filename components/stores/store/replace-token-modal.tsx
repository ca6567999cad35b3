"use client";

import { Banner, BlockStack, Form, FormLayout, Modal, Text } from "@shopify/polaris";
import { useState } from "react";
import { useOauthConfig, useReplaceStoreToken, type Store } from "@/components/api/stores";
import { useToast } from "@/components/shell/toast";
import { ZReplaceStoreTokenRequest } from "@/lib/stores/schemas";
import { apiFieldError, formErrors } from "../field-error";
import { TokenFields } from "../token-fields";

const LABELS = { accessToken: "New Admin API access token", apiSecret: "API secret key" };
type Field = keyof typeof LABELS;

/** Pastes a new custom-app token for a store connected by token; Synco checks it with Shopify before saving it. */
export function ReplaceTokenModal({ store, open, onClose }: { store: Store; open: boolean; onClose: () => void }) {
  const scopes = useOauthConfig().data?.scopes;
  const [values, setValues] = useState<Record<Field, string>>({ accessToken: "", apiSecret: "" });
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const showToast = useToast();
  const replace = useReplaceStoreToken(store.id, { onSuccess: () => showToast("Access token replaced") });
  const close = () => {
    setValues({ accessToken: "", apiSecret: "" });
    setErrors({});
    replace.reset();
    onClose();
  };
  const set = (field: Field) => (value: string) => setValues((current) => ({ ...current, [field]: value }));
  const errorOf = (field: Field) => errors[field] ?? apiFieldError(replace.error, field, LABELS[field]);
  const formError =
    replace.error && !(replace.error.field && replace.error.field in LABELS) ? replace.error.fieldMessage : null;

  function submit() {
    // An empty secret is left out: Synco keeps the one it has.
    const input = Object.fromEntries(Object.entries(values).filter(([, value]) => value.trim() !== ""));
    const parsed = ZReplaceStoreTokenRequest.safeParse(input);
    setErrors(parsed.success ? {} : formErrors(parsed.error, LABELS));
    if (parsed.success) replace.mutate(parsed.data, { onSuccess: close });
  }

  return (
    <Modal
      open={open}
      onClose={close}
      title="Replace access token"
      primaryAction={{ content: "Replace token", loading: replace.isPending, onAction: submit }}
      secondaryActions={[{ content: "Cancel", onAction: close }]}
    >
      <Modal.Section>
        <Form onSubmit={submit} noValidate>
          <FormLayout>
            {formError ? (
              <Banner tone="critical" title="Could not replace the token">
                <p>{formError}</p>
              </Banner>
            ) : null}
            <BlockStack gap="200">
              <Text as="p">
                In Shopify, open the custom app you connected {store.shopDomain} with. Check that it has the Admin API
                scopes Synco needs
                {scopes?.length ? ` (${scopes.join(", ")})` : ""}, release and install the change if you made one, then
                copy its Admin API access token here. If you created a new app instead, paste the new app&apos;s token
                and API secret key.
              </Text>
            </BlockStack>
            <TokenFields
              labels={LABELS}
              values={values}
              onChange={set}
              error={errorOf}
              apiSecretHelp="Only for a new app: Shopify signs its webhooks with it. Leave empty to keep the one Synco has."
            />
          </FormLayout>
        </Form>
      </Modal.Section>
    </Modal>
  );
}
