"use client";

import { Card, IndexTable, Link, Text } from "@shopify/polaris";
import type { Store } from "@/components/api/stores";
import { formatDateTime, timeAgo } from "./format-time";
import { StoreKindBadge, StoreStateBadge } from "./store-badges";

/** Every store of the organization; a click anywhere on a row opens the store. */
export function StoresTable({ stores }: { stores: Store[] }) {
  return (
    <Card padding="0">
      <IndexTable
        resourceName={{ singular: "store", plural: "stores" }}
        itemCount={stores.length}
        selectable={false}
        headings={[{ title: "Store" }, { title: "Type" }, { title: "Connection" }, { title: "Last activity", alignment: "end" }]}
      >
        {stores.map((store, index) => (
          <IndexTable.Row id={store.id} key={store.id} position={index}>
            <IndexTable.Cell>
              <Link url={`/stores/${store.id}`} monochrome removeUnderline dataPrimaryLink>
                <Text as="span" fontWeight="semibold">
                  {store.name}
                </Text>
              </Link>
              <Text as="p" tone="subdued" variant="bodySm">
                {store.shopDomain}
              </Text>
            </IndexTable.Cell>
            <IndexTable.Cell>
              <StoreKindBadge kind={store.kind} />
            </IndexTable.Cell>
            <IndexTable.Cell>
              <StoreStateBadge store={store} />
            </IndexTable.Cell>
            <IndexTable.Cell>
              <Text as="p" alignment="end" tone={store.lastActivityAt ? undefined : "subdued"}>
                {store.lastActivityAt ? <time dateTime={store.lastActivityAt} title={formatDateTime(store.lastActivityAt)}>{timeAgo(store.lastActivityAt)}</time> : "No activity yet"}
              </Text>
            </IndexTable.Cell>
          </IndexTable.Row>
        ))}
      </IndexTable>
    </Card>
  );
}
