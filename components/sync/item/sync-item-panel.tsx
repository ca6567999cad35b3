"use client";

import { Banner, BlockStack, Button, InlineStack, SkeletonBodyText, Text } from "@shopify/polaris";
import { ExternalIcon } from "@shopify/polaris-icons";
import { ApiError } from "@/components/api/api-fetch";
import type { Store } from "@/components/api/stores";
import { useSyncItem, type SyncItem } from "@/components/api/sync";
import type { ResourceType } from "@/lib/vocabulary/sync";
import { RESOURCES, shopifyAdminUrl } from "../resource-types";
import { SyncStatusBadge } from "../status-badge";
import { SidePanel } from "./side-panel";
import { itemName } from "../list/sync-item-row";
import { SyncItemDetails } from "./sync-item-details";

type Props = {
  store: Store;
  type: ResourceType;
  /** The item open (from the URL), or null when the drawer is closed. */
  shopifyId: string | null;
  /** Its list row when it was opened from the list: shown while its mapping loads. */
  initial: SyncItem | null;
  onClose: () => void;
};

/** The drawer of one item: what the list row showed at once (if opened from it), then its mapping in full. */
export function SyncItemPanel({ store, type, shopifyId, initial, onClose }: Props) {
  const detail = useSyncItem(store.id, type, shopifyId);
  if (!shopifyId) return null;
  const shown = detail.data ?? initial;
  const words = RESOURCES[type];
  const live = store.kind === "shopify";
  return (
    <SidePanel
      title={shown ? itemName(shown) : `Loading ${words.singular}…`}
      subtitle={
        !shown
          ? undefined
          : type === "order"
            ? (shown.email ?? undefined)
            : type === "customer" && shown.email !== shown.title
              ? (shown.email ?? undefined)
              : undefined
      }
      titleMetadata={shown ? <SyncStatusBadge status={shown.status} /> : undefined}
      onClose={onClose}
      footer={
        <InlineStack align={live ? "end" : "space-between"} blockAlign="center" gap="200">
          {live ? null : (
            <Text as="p" tone="subdued" variant="bodySm">
              A sandbox store has no Shopify admin to open.
            </Text>
          )}
          <InlineStack gap="200">
            <Button onClick={onClose}>Close</Button>
            {live ? (
              <Button
                variant="primary"
                icon={ExternalIcon}
                url={shopifyAdminUrl(store.shopDomain, type, shopifyId)}
                external
              >
                {`Open ${words.singular} in Shopify`}
              </Button>
            ) : null}
          </InlineStack>
        </InlineStack>
      }
    >
      {detail.error ? (
        <Banner tone={detail.error instanceof ApiError && detail.error.status === 404 ? "warning" : "critical"}>
          <p>
            {detail.error instanceof ApiError && detail.error.status === 404
              ? `This ${words.singular} is no longer in Synco's copy of the store: it may have been deleted in Shopify.`
              : detail.error.message}
          </p>
        </Banner>
      ) : detail.data ? (
        <SyncItemDetails item={detail.data} store={store} />
      ) : (
        <BlockStack gap="400">
          <SkeletonBodyText lines={4} />
          <SkeletonBodyText lines={4} />
        </BlockStack>
      )}
    </SidePanel>
  );
}
