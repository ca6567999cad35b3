"use client";

import { Button, Form, FormLayout, InlineStack, TextField } from "@shopify/polaris";
import { useRouter } from "next/navigation";
import { useConnectStoreByToken } from "@/components/api/stores";
import { useForm } from "@/components/forms/use-form";
import { useToast } from "@/components/shell/toast";
import { ErrorBanner } from "@/components/ui/error-banner";
import { ZConnectByTokenRequest } from "@/lib/stores/schemas";
import { TokenFields } from "../token-fields";
import { withoutEmpty } from "../without-empty";

const LABELS = {
  shop: "Shop domain",
  accessToken: "Admin API access token",
  apiSecret: "API secret key",
  name: "Store name",
};

/** Connects (or, with `shop`, reconnects) a store with a custom app's token, which Synco tries live before saving. */
export function TokenStoreForm({ shop: fixedShop }: { shop?: string }) {
  const router = useRouter();
  const showToast = useToast();
  const connect = useConnectStoreByToken({ onSuccess: ({ store }) => showToast(`${store.name} connected`) });
  const form = useForm({
    schema: ZConnectByTokenRequest,
    initialValues: { shop: fixedShop ?? "", accessToken: "", apiSecret: "", name: "" },
    // With the shop fixed there is no shop or name field: an error about them shows above the form.
    labels: fixedShop ? { accessToken: LABELS.accessToken, apiSecret: LABELS.apiSecret } : LABELS,
    toInput: withoutEmpty,
    serverError: connect.error,
  });

  return (
    <Form
      onSubmit={form.handleSubmit((input) =>
        connect.mutate(input, { onSuccess: ({ store }) => router.push(`/stores/${store.id}`) }),
      )}
      noValidate
    >
      <FormLayout>
        <ErrorBanner title="Could not connect the store" error={form.formError} />
        {fixedShop ? null : (
          <FormLayout.Group>
            <TextField
              label={LABELS.shop}
              autoComplete="off"
              placeholder="my-store.myshopify.com"
              {...form.field("shop")}
            />
            <TextField
              label={LABELS.name}
              autoComplete="off"
              helpText="Optional. Defaults to the store's name in Shopify."
              {...form.field("name")}
            />
          </FormLayout.Group>
        )}
        <TokenFields
          labels={LABELS}
          field={form.field}
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
