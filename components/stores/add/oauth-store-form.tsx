"use client";

import { Banner, Button, Form, FormLayout, InlineStack, SkeletonBodyText, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { useOauthConfig, useStartOauth } from "@/components/api/stores";
import { ZStartOauthRequest } from "@/lib/stores/schemas";
import { apiFieldError, formErrors } from "../field-error";

const LABELS = { shop: "Shop domain" };

/** Sends the browser to Shopify to approve access; Shopify sends it back to the store's page. `shop` fixes the domain (reconnecting). */
export function OauthStoreForm({ shop: fixedShop }: { shop?: string }) {
  const config = useOauthConfig();
  const [shop, setShop] = useState(fixedShop ?? "");
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const start = useStartOauth({ onSuccess: ({ authorizeUrl }) => window.location.assign(authorizeUrl) });

  if (config.isPending) return <SkeletonBodyText lines={3} />;
  const missing = config.data?.missing ?? [];
  const disabled = !config.data?.configured;

  function submit() {
    const parsed = ZStartOauthRequest.safeParse({ shop });
    setErrors(parsed.success ? {} : formErrors(parsed.error, LABELS));
    if (parsed.success) start.mutate(parsed.data);
  }

  const shopError = errors.shop ?? apiFieldError(start.error, "shop", LABELS.shop);
  return (
    <Form onSubmit={submit} noValidate>
      <FormLayout>
        {config.error ? (
          <Banner tone="critical" title="Could not check the Shopify app settings">
            <p>{config.error.message}</p>
          </Banner>
        ) : disabled ? (
          <Banner tone="warning" title="Connecting with Shopify is not set up on this server">
            <p>
              Set{" "}
              {missing.map((name, i) => (
                <span key={name}>
                  {i > 0 ? " and " : ""}
                  <code>{name}</code>
                </span>
              ))}{" "}
              (the client ID and secret of your Shopify app) in the server&apos;s environment, then restart Synco. Until
              then, connect with a custom app&apos;s access token instead.
            </p>
          </Banner>
        ) : null}
        {start.error && (fixedShop || !shopError) ? (
          <Banner tone="critical" title="Could not start connecting">
            <p>{start.error.fieldMessage}</p>
          </Banner>
        ) : null}
        {fixedShop ? (
          <Text as="p">You approve Synco&apos;s access to {fixedShop} in Shopify, then come back here.</Text>
        ) : (
          <TextField
            label={LABELS.shop}
            autoComplete="off"
            value={shop}
            onChange={setShop}
            error={shopError}
            disabled={disabled}
            placeholder="my-store.myshopify.com"
            helpText="The store's myshopify.com address. You approve Synco's access in Shopify, then come back here."
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
