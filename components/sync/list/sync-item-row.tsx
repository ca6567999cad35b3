"use client";

import { Box, IndexTable, Link, Text } from "@shopify/polaris";
import type { SyncItem } from "@/components/api/sync";
import { TimeAgo } from "../format";
import { SyncStatusBadge } from "../status-badge";

const NONE = "—";

type Props = { item: SyncItem; position: number; showError: boolean; onOpen: (item: SyncItem) => void };

/** One item: its name (a button that opens the drawer; the whole row does too), status, Odoo ids, when it synced, its error. */
export function SyncItemRow({ item, position, showError, onOpen }: Props) {
  const name = item.type === "order" ? (item.orderName ?? item.title) : item.title;
  return (
    <IndexTable.Row id={item.shopifyId} position={position}>
      <IndexTable.Cell>
        <Link monochrome removeUnderline dataPrimaryLink onClick={() => onOpen(item)}>
          <Text as="span" fontWeight="semibold">
            {name}
          </Text>
        </Link>
        <Secondary item={item} />
      </IndexTable.Cell>
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
          {item.syncedAt ? <TimeAgo iso={item.syncedAt} /> : NONE}
        </Text>
      </IndexTable.Cell>
      {showError ? (
        <IndexTable.Cell>
          {item.lastError ? (
            <Box maxWidth="22rem">
              <Text as="p" tone="critical" truncate>
                <span title={item.lastError}>{item.lastError}</span>
              </Text>
            </Box>
          ) : null}
        </IndexTable.Cell>
      ) : null}
    </IndexTable.Row>
  );
}

/** Under the name: the SKUs of a product, the email of a customer or of an order's customer. */
function Secondary({ item }: { item: SyncItem }) {
  const text = item.type === "product" ? skus(item.skus) : item.email;
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
