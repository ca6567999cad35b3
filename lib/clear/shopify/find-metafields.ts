// Finds, with one bulk query per resource type run side by side, every metafield of the cleared
// keys that Shopify still holds on items of those types: what a clear did not know of (older
// installs, other tools, drift) and, run last, the proof that nothing is left. Bulk queries take
// no variables, so each document below is written (and checked against Shopify's schema) with a
// placeholder list of keys, and the real keys are put into that argument before it is sent.
import { Kind, parse, print, visit, type ListValueNode } from "graphql";
import { readJsonl } from "@/lib/shopify/bulk/read-jsonl";
import { submitBulkQuery } from "@/lib/shopify/bulk/run-bulk-query";
import {
  BulkOperationFailedError,
  waitForBulkOperations,
  type BulkOperationView,
} from "@/lib/shopify/bulk/bulk-operation";
import type { ShopifyClient } from "@/lib/shopify/client/create-shopify-client";
import { parseItemGid } from "@/lib/shopify/gid";
import type { ResourceType } from "@/lib/vocabulary/sync";
import type { MetafieldIdentifier } from "./delete-metafields";

const FIND_QUERIES: Record<ResourceType, string> = {
  product: `#graphql
    query ClearFindProductMetafields {
      products {
        edges {
          node {
            id
            metafields(keys: ["synco.sync"]) {
              edges {
                node {
                  namespace
                  key
                }
              }
            }
          }
        }
      }
    }
  `,
  customer: `#graphql
    query ClearFindCustomerMetafields {
      customers {
        edges {
          node {
            id
            metafields(keys: ["synco.sync"]) {
              edges {
                node {
                  namespace
                  key
                }
              }
            }
          }
        }
      }
    }
  `,
  order: `#graphql
    query ClearFindOrderMetafields {
      orders {
        edges {
          node {
            id
            metafields(keys: ["synco.sync"]) {
              edges {
                node {
                  namespace
                  key
                }
              }
            }
          }
        }
      }
    }
  `,
};

/** The type's bulk query asking for these `namespace.key`s. */
export function findMetafieldsQuery(type: ResourceType, keys: string[]): string {
  const list: ListValueNode = {
    kind: Kind.LIST,
    values: keys.map((value) => ({ kind: Kind.STRING, value })),
  };
  return print(
    visit(parse(FIND_QUERIES[type]), {
      Argument: (node) => (node.name.value === "keys" ? { ...node, value: list } : undefined),
    }),
  );
}

export type FoundMetafields = {
  /** Per type: the metafields found, and how many items Shopify listed. */
  byType: Partial<Record<ResourceType, { metafields: MetafieldIdentifier[]; items: number }>>;
  apiCalls: number;
};

export async function findMetafields({
  client,
  keysByType,
  signal,
  onStatus,
}: {
  client: ShopifyClient;
  keysByType: Partial<Record<ResourceType, string[]>>;
  signal?: AbortSignal;
  onStatus?: (operations: BulkOperationView) => Promise<void> | void;
}): Promise<FoundMetafields> {
  const types = (Object.keys(keysByType) as ResourceType[]).filter((type) => keysByType[type]!.length > 0);
  const before = client.stats().client.requests;
  const ids: string[] = [];
  for (const type of types)
    ids.push(await submitBulkQuery(client, findMetafieldsQuery(type, keysByType[type]!), { signal }));
  // Polled together, every 10 s at most: a search of 100k items takes tens of seconds.
  const ended = await waitForBulkOperations(client, ids, { signal, onStatus, maxPollMs: 10_000 });
  const failed = ended.find((operation) => operation.status !== "COMPLETED");
  if (failed) throw new BulkOperationFailedError(failed, client.shopDomain);
  const found: FoundMetafields = { byType: {}, apiCalls: 0 };
  for (const [index, type] of types.entries()) {
    const result = { metafields: [] as MetafieldIdentifier[], items: 0 };
    const url = ended[index]!.url;
    if (url)
      for await (const line of readJsonl(url, { signal })) {
        if (typeof line.__parentId !== "string") {
          result.items++;
          continue;
        }
        const owner = parseItemGid(line.__parentId);
        if (!owner || owner.type !== type) continue;
        result.metafields.push({ ownerId: line.__parentId, namespace: String(line.namespace), key: String(line.key) });
      }
    found.byType[type] = result;
  }
  found.apiCalls = client.stats().client.requests - before;
  return found;
}
