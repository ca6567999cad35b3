// One batch of one type, through the type's own sync; the outcomes per resource type (an order
// brings its customer and products along, and their mappings are written with it).
import type { ResourceType } from "@/lib/vocabulary/sync";
import { syncCustomers } from "./sync-customers";
import { syncOrders } from "./sync-orders";
import { syncProducts } from "./sync-products";
import type { ItemOutcome, SyncContext } from "./sync-context";

export async function syncItems(
  context: SyncContext,
  type: ResourceType,
  ids: number[],
): Promise<Map<ResourceType, Map<number, ItemOutcome>>> {
  switch (type) {
    case "customer":
      return new Map([["customer", await syncCustomers(context, ids)]]);
    case "product":
      return new Map([["product", await syncProducts(context, ids)]]);
    case "order":
      return syncOrders(context, ids);
  }
}
