"use client";

import { BlockStack, Box, Card, IndexTable, InlineStack, Link, Text, useBreakpoints } from "@shopify/polaris";
import type { OperationRun } from "@/components/api/operations";
import type { Store } from "@/components/api/stores";
import { OperationSummary } from "@/components/operations/operation-summary";
import { formatDateTime, timeAgo } from "./format-time";
import { StoreKindBadge, StoreStateBadge } from "./store-badges";

/** Every store of the organization with the work under way on it (live); a click anywhere on a row opens the store. */
export function StoresTable({ stores, runs }: { stores: Store[]; runs: OperationRun[] }) {
  // Five columns do not fit a phone: there each store is one stacked row (Polaris's condensed list).
  const { smDown: condensed } = useBreakpoints();
  const runsOf = (store: Store): OperationRun[] => runs.filter((run) => run.storeId === store.id);
  return (
    <Card padding="0">
      <IndexTable
        condensed={condensed}
        resourceName={{ singular: "store", plural: "stores" }}
        itemCount={stores.length}
        selectable={false}
        headings={[
          { title: "Store" },
          { title: "Type" },
          { title: "Status" },
          { title: "Activity" },
          { title: "Last activity", alignment: "end" },
        ]}
      >
        {stores.map((store, index) => (
          <IndexTable.Row id={store.id} key={store.id} position={index}>
            {condensed ? (
              <Box padding="300" paddingInline="400" width="100%">
                <BlockStack gap="100">
                  <StoreName store={store} />
                  <InlineStack gap="200">
                    <StoreKindBadge kind={store.kind} />
                    <StoreStateBadge store={store} />
                  </InlineStack>
                  <RefreshError store={store} />
                  {runsOf(store).length > 0 ? <OperationSummary runs={runsOf(store)} /> : null}
                  <Text as="p" variant="bodySm" tone="subdued">
                    Last activity: <LastActivity store={store} />
                  </Text>
                </BlockStack>
              </Box>
            ) : (
              <>
                <IndexTable.Cell>
                  <StoreName store={store} />
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <StoreKindBadge kind={store.kind} />
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <BlockStack gap="100">
                    <StoreStateBadge store={store} />
                    <RefreshError store={store} />
                  </BlockStack>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <OperationSummary runs={runsOf(store)} />
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <Text as="p" alignment="end" tone={store.lastActivityAt ? undefined : "subdued"}>
                    <LastActivity store={store} />
                  </Text>
                </IndexTable.Cell>
              </>
            )}
          </IndexTable.Row>
        ))}
      </IndexTable>
    </Card>
  );
}

/** The store's name (the row's link) over its shop domain. */
function StoreName({ store }: { store: Store }) {
  return (
    <div>
      <Link url={`/stores/${store.id}`} monochrome removeUnderline dataPrimaryLink>
        <Text as="span" fontWeight="semibold">
          {store.name}
        </Text>
      </Link>
      <Text as="p" tone="subdued" variant="bodySm">
        {store.shopDomain}
      </Text>
    </div>
  );
}

/** Why the last refresh from Shopify failed (the store's page offers Retry). */
function RefreshError({ store }: { store: Store }) {
  if (store.sync.refresh !== "failed" || !store.sync.refreshError) return null;
  return (
    <Text as="p" variant="bodySm" tone="subdued" breakWord>
      {store.sync.refreshError.length > 120 ? `${store.sync.refreshError.slice(0, 119)}…` : store.sync.refreshError}
    </Text>
  );
}

function LastActivity({ store }: { store: Store }) {
  if (!store.lastActivityAt) return "No activity yet";
  return (
    <time dateTime={store.lastActivityAt} title={formatDateTime(store.lastActivityAt)}>
      {timeAgo(store.lastActivityAt)}
    </time>
  );
}
