"use client";

import { BlockStack, Card, Divider, Text } from "@shopify/polaris";
import type { Store } from "@/components/api/stores";
import { OauthStoreForm } from "../add/oauth-store-form";
import { TokenStoreForm } from "../add/token-store-form";

/** Connects a disconnected live store again: the same store, with its history. */
export function ReconnectCard({ store }: { store: Store }) {
  return (
    <Card>
      <BlockStack gap="400">
        <BlockStack gap="200">
          <Text as="h3" variant="headingSm">
            Through Shopify
          </Text>
          <OauthStoreForm shop={store.shopDomain} />
        </BlockStack>
        <Divider />
        <BlockStack gap="200">
          <Text as="h3" variant="headingSm">
            With a custom app access token
          </Text>
          <TokenStoreForm shop={store.shopDomain} />
        </BlockStack>
      </BlockStack>
    </Card>
  );
}
