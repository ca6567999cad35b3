"use client";

import { Banner, Button, Form, FormLayout, InlineStack, TextField } from "@shopify/polaris";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useConnectStoreByToken } from "@/components/api/stores";
import { useToast } from "@/components/shell/toast";
import { ZConnectByTokenRequest } from "@/lib/stores/schemas";
import { apiFieldError, formErrors } from "../field-error";
import { TokenFields } from "../token-fields";

const LABELS = {
  shop: "Shop domain",
  accessToken: "Admin API access token",
  apiSecret: "API secret key",
  name: "Store name",
};
type Field = keyof typeof LABELS;

/** Connects (or, with `shop`, reconnects) a store with a custom app's token, which Synco tries live before saving. */
export function TokenStoreForm({ shop: fixedShop }: { shop?: string }) {
  const router = useRouter();
  const [values, setValues] = useState<Record<Field, string>>({
    shop: fixedShop ?? "",
    accessToken: "",
    apiSecret: "",
    name: "",
  });
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const showToast = useToast();
  const connect = useConnectStoreByToken({ onSuccess: ({ store }) => showToast(`${store.name} connected`) });
  const set = (field: Field) => (value: string) => setValues((current) => ({ ...current, [field]: value }));
  const errorOf = (field: Field) => errors[field] ?? apiFieldError(connect.error, field, LABELS[field]);
  // With the shop fixed there is no shop field to show its error under.
  const inline = (field?: string) => Boolean(field && field in LABELS && !(fixedShop && field === "shop"));
  const formError = connect.error && !inline(connect.error.field) ? connect.error.fieldMessage : null;

  function submit() {
    // Empty optional fields are left out rather than sent as "".
    const input = Object.fromEntries(Object.entries(values).filter(([, value]) => value.trim() !== ""));
    const parsed = ZConnectByTokenRequest.safeParse(input);
    setErrors(parsed.success ? {} : formErrors(parsed.error, LABELS));
    if (parsed.success) connect.mutate(parsed.data, { onSuccess: ({ store }) => router.push(`/stores/${store.id}`) });
  }

  return (
    <Form onSubmit={submit} noValidate>
      <FormLayout>
        {formError ? (
          <Banner tone="critical" title="Could not connect the store">
            <p>{formError}</p>
          </Banner>
        ) : null}
        {fixedShop ? null : (
          <FormLayout.Group>
            <TextField
              label={LABELS.shop}
              autoComplete="off"
              value={values.shop}
              onChange={set("shop")}
              error={errorOf("shop")}
              placeholder="my-store.myshopify.com"
            />
            <TextField
              label={LABELS.name}
              autoComplete="off"
              value={values.name}
              onChange={set("name")}
              error={errorOf("name")}
              helpText="Optional. Defaults to the store's name in Shopify."
            />
          </FormLayout.Group>
        )}
        <TokenFields
          labels={LABELS}
          values={values}
          onChange={set}
          error={errorOf}
          apiSecretHelp="Optional, but recommended: Shopify signs the app's webhooks with it, and Synco ignores webhooks it cannot verify."
        />
        <InlineStack align="end">
          <Button submit variant="primary" loading={connect.isPending || connect.isSuccess}>
            {fixedShop ? "Reconnect with token" : "Connect store"}
          </Button>
        </InlineStack>
      </FormLayout>
    </Form>
  );
}
