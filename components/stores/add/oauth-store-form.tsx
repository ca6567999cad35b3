"use client";

import { Banner, Button, Form, FormLayout, InlineStack, SkeletonBodyText, Text, TextField } from "@shopify/polaris";
import { useOauthConfig, useStartOauth } from "@/components/api/stores";
import { useForm } from "@/components/forms/use-form";
import { ErrorBanner } from "@/components/ui/error-banner";
import { ZStartOauthRequest } from "@/lib/stores/schemas";

const LABELS = { shop: "Shop domain" };

/** Sends the browser to Shopify to approve access; Shopify sends it back to the store's page. `shop` fixes the domain (reconnecting). */
export function OauthStoreForm({ shop: fixedShop }: { shop?: string }) {
  const config = useOauthConfig();
  const start = useStartOauth({ onSuccess: ({ authorizeUrl }) => window.location.assign(authorizeUrl) });
  const form = useForm({
    schema: ZStartOauthRequest,
    initialValues: { shop: fixedShop ?? "" },
    // With the shop fixed there is no field: an error about it shows above the form.
    labels: fixedShop ? {} : LABELS,
    serverError: start.error,
  });

  if (config.isPending) return <SkeletonBodyText lines={3} />;
  const disabled = !config.data?.configured;

  return (
    <Form onSubmit={form.handleSubmit((input) => start.mutate(input))} noValidate>
      <FormLayout>
        {config.error ? (
          <ErrorBanner title="Could not check the Shopify app settings" error={config.error} />
        ) : disabled ? (
          <Banner tone="warning" title="Connecting with Shopify is not set up on this server">
            <p>
              Whoever runs this Synco server has not connected it to a Shopify app yet. Until then, connect your store
              with a custom app&apos;s access token below.
            </p>
          </Banner>
        ) : null}
        <ErrorBanner title="Could not start connecting" error={form.formError} />
        {fixedShop ? (
          <Text as="p">You approve Synco&apos;s access to {fixedShop} in Shopify, then come back here.</Text>
        ) : (
          <TextField
            label={LABELS.shop}
            autoComplete="off"
            disabled={disabled}
            placeholder="my-store.myshopify.com"
            helpText="The store's myshopify.com address. You approve Synco's access in Shopify, then come back here."
            {...form.field("shop")}
          />
        )}
        {config.data ? (
          <Text as="p" tone="subdued" variant="bodySm">
            Synco asks for: {config.data.scopes.join(", ")}
          </Text>
        ) : null}
        <InlineStack align="end">
          <Button submit variant="primary" disabled={disabled} loading={start.isPending || start.isSuccess}>
            {fixedShop ? "Reconnect through Shopify" : "Continue to Shopify"}
          </Button>
        </InlineStack>
      </FormLayout>
    </Form>
  );
}
