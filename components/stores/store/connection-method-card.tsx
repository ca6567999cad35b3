"use client";

import { BlockStack, Button, Card, InlineStack, Text } from "@shopify/polaris";
import { useState } from "react";
import type { Store } from "@/components/api/stores";
import { CONNECTION_METHOD } from "./connection-method";
import { ReplaceTokenModal } from "./replace-token-modal";
import { TokenAttentionBanner } from "./token-attention-banner";

/** How Synco reaches the store; for token stores, owners and admins replace the token here (tokens get rotated). */
export function ConnectionMethodCard({ store, canManage }: { store: Store; canManage: boolean }) {
  const [replacing, setReplacing] = useState(false);
  const token = store.connectionMethod === "token" && store.status !== "disconnected";
  return (
    <Card>
      <BlockStack gap="300">
        {token && store.status === "needs_reauth" ? <TokenAttentionBanner store={store} canManage={canManage} /> : null}
        <Text as="p" fontWeight="semibold">
          {store.status === "disconnected" ? "Disconnected" : CONNECTION_METHOD[store.connectionMethod]}
        </Text>
        {store.status === "disconnected" ? (
          <Text as="p" tone="subdued">{`Until then: ${CONNECTION_METHOD[store.connectionMethod].toLowerCase()}.`}</Text>
        ) : null}
        {token ? (
          <Text as="p" tone="subdued">
            When the token is rotated or the custom app is replaced in Shopify, give Synco the new token.
            {canManage ? "" : " Only owners and admins can replace it."}
          </Text>
        ) : null}
        {token && canManage && store.status === "connected" ? (
          <>
            <InlineStack align="end">
              <Button onClick={() => setReplacing(true)}>Replace access token</Button>
            </InlineStack>
            <ReplaceTokenModal store={store} open={replacing} onClose={() => setReplacing(false)} />
          </>
        ) : null}
      </BlockStack>
    </Card>
  );
}
