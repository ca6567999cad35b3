"use client";

import { Banner, BlockStack, Card, Checkbox, Text } from "@shopify/polaris";
import { useSetAutoSync, type Store } from "@/components/api/stores";
import { ErrorBanner } from "@/components/ui/error-banner";

/**
 * Automatic sync: when on, each product, customer and order created or changed in Shopify and not
 * synced yet is synced to Odoo by itself (queued behind a clear under way). Owners and admins turn
 * it on or off; members see how it is set and why they cannot change it.
 */
export function AutoSyncCard({ store, canManage }: { store: Store; canManage: boolean }) {
  const set = useSetAutoSync(store.id);
  const checked = set.isPending ? Boolean(set.variables) : store.autoSync;
  return (
    <Card>
      <BlockStack gap="300">
        <Checkbox
          label="Sync new and changed items to Odoo automatically"
          helpText="Products, customers and orders are synced as Shopify reports them created or changed, if they are not synced yet. During a clear they wait for it to end."
          checked={checked}
          disabled={!canManage || set.isPending}
          onChange={(value) => set.mutate(value)}
        />
        <Text as="p" tone="subdued" variant="bodySm">
          Automatic sync is {store.autoSync ? "on" : "off"} for {store.shopDomain}.
        </Text>
        <ErrorBanner title="Automatic sync was not changed" error={set.error} />
        {!canManage ? (
          <Banner tone="info">
            <p>Only owners and admins can turn automatic sync on or off.</p>
          </Banner>
        ) : null}
      </BlockStack>
    </Card>
  );
}
