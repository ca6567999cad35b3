"use client";

import { BlockStack, Box, IndexTable, InlineStack, Link, Text } from "@shopify/polaris";
import type { SyncItem } from "@/components/api/sync";
import { TimeAgo } from "../format";
import { RESOURCES } from "../resource-types";
import { SyncStatusBadge } from "../status-badge";

const NONE = "—";

/** Which error the last column shows: the sync's (Odoo) or Shopify's refusal of the mapping's metafield. */
type Props = {
  item: SyncItem;
  position: number;
  errors: "sync" | "mirror" | null;
  /** Phones: everything stacked in one cell (the table's condensed list) instead of a column each. */
  condensed: boolean;
  /** Ticked for "Sync selected" (tables that offer it). */
  selected?: boolean;
  onOpen: (item: SyncItem) => void;
};

/** One item: its name (a button that opens the drawer; the whole row does too), status, Odoo ids, when it synced, its error. */
export function SyncItemRow({ item, position, errors, condensed, selected, onOpen }: Props) {
  const error = errors === "mirror" ? item.mirrorError : errors === "sync" ? item.lastError : null;
  // The row's own onClick, not only its primary link: Polaris attaches the row's click handler for a
  // primary link only once a re-render has seen the link (so a first tap on a phone could do
  // nothing), and after one row click through a button link it ignores the row's later clicks.
  const open = () => onOpen(item);
  const name = (
    <>
      <Link monochrome removeUnderline dataPrimaryLink onClick={open}>
        <Text as="span" fontWeight="semibold">
          {itemName(item)}
        </Text>
      </Link>
      <Secondary item={item} />
    </>
  );
  if (condensed) {
    return (
      <IndexTable.Row id={item.shopifyId} position={position} selected={selected} onClick={open}>
        <Box padding="300" paddingInline="400" width="100%">
          <BlockStack gap="100">
            <div>{name}</div>
            <InlineStack gap="300" blockAlign="center">
              <SyncStatusBadge status={item.status} />
              <Text as="span" variant="bodySm" numeric tone={item.odooId === null ? "subdued" : undefined}>
                Odoo ID {item.odooId ?? NONE}
              </Text>
              {item.type === "order" ? (
                <Text as="span" variant="bodySm" numeric tone={item.odooInvoiceId === null ? "subdued" : undefined}>
                  Invoice ID {item.odooInvoiceId ?? NONE}
                </Text>
              ) : null}
            </InlineStack>
            {item.syncedAt ? (
              <Text as="p" variant="bodySm" tone="subdued">
                {item.status === "failed" ? "Last attempt" : "Last sync"} <TimeAgo iso={item.syncedAt} />
              </Text>
            ) : null}
            {error ? (
              <Text as="p" variant="bodySm" tone="critical" breakWord>
                {error}
              </Text>
            ) : null}
          </BlockStack>
        </Box>
      </IndexTable.Row>
    );
  }
  return (
    <IndexTable.Row id={item.shopifyId} position={position} selected={selected} onClick={open}>
      <IndexTable.Cell>{name}</IndexTable.Cell>
      <IndexTable.Cell>
        <SyncStatusBadge status={item.status} />
      </IndexTable.Cell>
      <IndexTable.Cell>
        <Text as="p" alignment="end" numeric tone={item.odooId === null ? "subdued" : undefined}>
          {item.odooId ?? NONE}
        </Text>
      </IndexTable.Cell>
      {item.type === "order" ? (
        <IndexTable.Cell>
          <Text as="p" alignment="end" numeric tone={item.odooInvoiceId === null ? "subdued" : undefined}>
            {item.odooInvoiceId ?? NONE}
          </Text>
        </IndexTable.Cell>
      ) : null}
      <IndexTable.Cell>
        <Text as="p" alignment="end" tone={item.syncedAt ? undefined : "subdued"}>
          {/* A failed item's time is its failed attempt, never a sync. */}
          {item.syncedAt ? (
            item.status === "failed" ? (
              <>
                Tried <TimeAgo iso={item.syncedAt} />
              </>
            ) : (
              <TimeAgo iso={item.syncedAt} />
            )
          ) : (
            NONE
          )}
        </Text>
      </IndexTable.Cell>
      {errors ? (
        <IndexTable.Cell>
          {error ? (
            <Box maxWidth="22rem">
              <Text as="p" tone="critical" truncate>
                <span title={error}>{error}</span>
              </Text>
            </Box>
          ) : null}
        </IndexTable.Cell>
      ) : null}
    </IndexTable.Row>
  );
}

/** The name Shopify gives the item; an item no longer in Synco's copy of the store has only its id. */
export function itemName(item: SyncItem): string {
  const name = item.type === "order" ? (item.orderName ?? item.title) : item.title;
  const { singular } = RESOURCES[item.type];
  return name || `${singular[0]!.toUpperCase()}${singular.slice(1)} ${item.shopifyId}`;
}

/** Under the name: the SKUs of a product, the email of a customer or of an order's customer; or that Shopify no longer has it. */
function Secondary({ item }: { item: SyncItem }) {
  const text =
    item.shopifyUpdatedAt === null ? "No longer in Shopify" : item.type === "product" ? skus(item.skus) : item.email;
  if (!text) return null;
  return (
    <Text as="p" tone="subdued" variant="bodySm">
      {text}
    </Text>
  );
}

function skus(list: string[]): string | null {
  if (list.length === 0) return null;
  const shown = list.slice(0, 3).join(", ");
  return `${list.length === 1 ? "SKU" : "SKUs"} ${shown}${list.length > 3 ? ` +${list.length - 3} more` : ""}`;
}
