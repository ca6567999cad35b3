// The sync state an earlier Synco install left in Shopify — a json metafield `{namespace}.sync` on
// each product, customer and order it handled — read through the Admin API like every other read
// (one bulk query per type) and written as mapping rows, already in Shopify, so nothing is
// mirrored back. A store's first index refresh runs it, so a fresh install shows synced, failed
// and not synced items that agree with Shopify. Running it twice writes nothing new. Without
// `read_all_orders` Shopify shows only the last 60 days of orders, and only their state comes in.
import { Kind, parse, print, visit, type FieldNode } from "graphql";
import { bulkQueryPipeline } from "@/lib/shopify/bulk/run-bulk-query";
import type { BulkOperationView } from "@/lib/shopify/bulk/bulk-operation";
import { findStore } from "@/lib/stores/find-store";
import { storeShopifyClient } from "@/lib/stores/store-shopify-client";
import { RESOURCE_TYPES, type ResourceType } from "@/lib/vocabulary/sync";
import { upsertMappings, type MappingInput } from "./upsert-mappings";

const BATCH = 1000;

// Static, so the contract test validates them; the store's namespace replaces "synco" (withNamespace).
const PRODUCTS = `#graphql
  {
    products {
      edges {
        node {
          id
          syncState: metafield(namespace: "synco", key: "sync") {
            value
          }
        }
      }
    }
  }
`;

const CUSTOMERS = `#graphql
  {
    customers {
      edges {
        node {
          id
          syncState: metafield(namespace: "synco", key: "sync") {
            value
          }
        }
      }
    }
  }
`;

const ORDERS = `#graphql
  {
    orders {
      edges {
        node {
          id
          syncState: metafield(namespace: "synco", key: "sync") {
            value
          }
        }
      }
    }
  }
`;

const SYNC_STATE_QUERIES: Record<ResourceType, string> = { product: PRODUCTS, customer: CUSTOMERS, order: ORDERS };

/** The type's sync-state bulk query for `namespace`, set as a GraphQL string value (never spliced into text). */
export function syncStateBulkQuery(type: ResourceType, namespace: string): string {
  return print(
    visit(parse(SYNC_STATE_QUERIES[type]), {
      Argument: (node) =>
        node.name.value === "namespace" ? { ...node, value: { kind: Kind.STRING, value: namespace } } : undefined,
    }),
  );
}

export type SyncStateReport = {
  /** Each poll of a type's export. */
  onExport?: (type: ResourceType, operation: BulkOperationView) => Promise<void> | void;
  /** Hears each batch of mapping rows written. */
  onBatch?: (rows: number) => Promise<void>;
  signal?: AbortSignal;
};

export async function importShopifySyncState({
  storeId,
  organizationId,
  report = {},
}: {
  storeId: string;
  organizationId: string;
  report?: SyncStateReport;
}): Promise<{ mappings: number }> {
  const store = await findStore({ storeId, organizationId });
  const { client } = await storeShopifyClient({ storeId, organizationId }, { deadlineMs: 600_000 });
  let mappings = 0;
  // The next type's export starts on Shopify while this one's rows are written.
  const exports = bulkQueryPipeline(
    client,
    RESOURCE_TYPES.map((type) => syncStateBulkQuery(type, store.metafieldNamespace)),
    { signal: report.signal },
  );
  for (const [index, type] of RESOURCE_TYPES.entries()) {
    let batch: MappingInput[] = [];
    const write = async () => {
      await upsertMappings({ storeId, organizationId, mappings: batch, alreadyInShopify: true });
      mappings += batch.length;
      await report.onBatch?.(batch.length);
      batch = [];
    };
    const lines = exports.run(index, { onStatus: (operation) => report.onExport?.(type, operation) });
    for await (const mapping of readSyncState(type, lines)) {
      batch.push(mapping);
      if (batch.length >= BATCH) await write();
    }
    if (batch.length) await write();
  }
  return { mappings };
}

/**
 * `query` (a bulk query of one type's items) with the items' sync metafield added to the top-level
 * nodes, as `syncState` — so one export gives both the items and their sync state (decision 70).
 */
export function withSyncStateField(query: string, namespace: string): string {
  const field = parse(syncStateBulkQuery("product", namespace)).definitions.flatMap((definition) =>
    definition.kind === Kind.OPERATION_DEFINITION ? [definition] : [],
  )[0]!;
  // products { edges { node { id syncState: metafield(…) } } }: the node's second selection.
  const products = field.selectionSet.selections[0] as FieldNode;
  const edges = products.selectionSet!.selections[0] as FieldNode;
  const node = edges.selectionSet!.selections[0] as FieldNode;
  const syncState = node.selectionSet!.selections[1]!;
  let depth = 0;
  let added = false;
  return print(
    visit(parse(query), {
      Field: {
        enter(fieldNode) {
          depth += 1;
          // The first `node` is the top-level connection's; nested connections come later.
          if (added || fieldNode.name.value !== "node" || !fieldNode.selectionSet || depth !== 3) return undefined;
          added = true;
          return {
            ...fieldNode,
            selectionSet: { ...fieldNode.selectionSet, selections: [...fieldNode.selectionSet.selections, syncState] },
          };
        },
        leave() {
          depth -= 1;
        },
      },
    }),
  );
}

/** The mapping an item's line carries in `syncState` (withSyncStateField), if it has one. */
export function syncStateOfLine(type: ResourceType, line: Record<string, unknown>): MappingInput | null {
  const state = line.syncState as { value?: unknown } | null | undefined;
  if (typeof line.id !== "string" || typeof state?.value !== "string") return null;
  return mappingFromSyncState(type, line.id, state.value);
}

async function* readSyncState(
  type: ResourceType,
  lines: AsyncGenerator<Record<string, unknown>>,
): AsyncGenerator<MappingInput> {
  for await (const line of lines) {
    const state = line.syncState as { value?: unknown } | null | undefined;
    if (typeof line.id !== "string" || typeof state?.value !== "string") continue;
    yield mappingFromSyncState(type, line.id, state.value);
  }
}

/** A mapping row from the metafield's json (`{"odoo_id", "odoo_invoice_id", "status", "error", "synced_at"}`). */
export function mappingFromSyncState(type: ResourceType, shopifyId: string, json: string): MappingInput {
  const value = parseObject(json);
  return {
    resourceType: type,
    shopifyId,
    odooId: typeof value.odoo_id === "number" ? value.odoo_id : null,
    odooInvoiceId: typeof value.odoo_invoice_id === "number" ? value.odoo_invoice_id : null,
    status: value.status === "synced" ? "synced" : "failed",
    error: typeof value.error === "string" ? value.error : null,
    syncedAt: typeof value.synced_at === "string" ? value.synced_at : null,
  };
}

function parseObject(json: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(json);
    return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
