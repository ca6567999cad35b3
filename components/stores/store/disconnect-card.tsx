"use client";

import { BlockStack, Button, Card, InlineStack, List, Text } from "@shopify/polaris";
import { useState } from "react";
import { useDisconnectStore, type Store } from "@/components/api/stores";
import { useToast } from "@/components/shell/toast";
import { ConfirmModal } from "@/components/ui/confirm-modal";

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
        <Text as="p">When you disconnect {store.shopDomain}:</Text>
        <List>
          <List.Item>
            Synco deletes the store&apos;s access credentials, so it can no longer read or change anything in it.
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
