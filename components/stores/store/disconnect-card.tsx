"use client";

import { Banner, BlockStack, Button, Card, InlineStack, List, Text } from "@shopify/polaris";
import { useState } from "react";
import { useDisconnectStore, type Store } from "@/components/api/stores";
import { useToast } from "@/components/shell/toast";
import { ConfirmModal } from "@/components/ui/confirm-modal";
import { advancedSettingsPath } from "./store-page";

export function DisconnectCard({ store }: { store: Store }) {
  const [confirming, setConfirming] = useState(false);
  const showToast = useToast();
  const disconnect = useDisconnectStore(store.id, {
    onSuccess: ({ changed }) =>
      showToast(changed ? `${store.name} disconnected` : `${store.name} was already disconnected`),
  });
  const close = () => {
    setConfirming(false);
    disconnect.reset();
  };
  const sandbox = store.kind === "sandbox";

  return (
    <Card>
      <BlockStack gap="300">
        <Text as="p">
          Synco stops working with {store.shopDomain} and forgets its credentials. The store stays listed, with its
          history.
        </Text>
        <InlineStack align="end">
          <Button tone="critical" onClick={() => setConfirming(true)}>
            Disconnect store
          </Button>
        </InlineStack>
      </BlockStack>
      <ConfirmModal
        open={confirming}
        title={`Disconnect ${store.name}?`}
        confirmLabel="Disconnect store"
        destructive
        loading={disconnect.isPending}
        error={disconnect.error}
        onConfirm={() => disconnect.mutate(undefined, { onSuccess: close })}
        onClose={close}
      >
        <Banner
          tone="warning"
          title="Clear Synco data first?"
          action={{ content: "Clear Synco data first", url: advancedSettingsPath(store.id) }}
        >
          <p>
            The sync status Synco wrote on this store&apos;s products, customers and orders stays in Shopify after you
            disconnect, and Synco can no longer remove it once its access is gone. If you will not reconnect this store,
            clear its Synco data before you disconnect it.
          </p>
        </Banner>
        <Text as="p">When you disconnect {store.shopDomain}:</Text>
        <List>
          <List.Item>
            Synco deletes the store&apos;s access credentials, so it can no longer read or change anything in it.
          </List.Item>
          <List.Item>
            Synco deletes the store&apos;s Odoo connection with its API key (nothing in Odoo changes). Reconnecting the
            store means entering the Odoo connection again.
          </List.Item>
          <List.Item>
            Synco asks Shopify to remove the webhooks it set up, so the store stops sending updates.
          </List.Item>
          <List.Item>
            The store&apos;s activity history stays, and the store stays in this list, marked Disconnected.
          </List.Item>
        </List>
        <Text as="p">
          {sandbox
            ? "A sandbox store cannot be reconnected; you can add a new one at any time."
            : "You can reconnect the store later, through Shopify or with an access token."}
        </Text>
      </ConfirmModal>
    </Card>
  );
}
