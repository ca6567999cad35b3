// Orders → sale.order with its lines, confirmed, then its customer invoice (account.move,
// out_invoice, posted) through sale.advance.payment.inv as Odoo requires (_create_invoices is
// private). Re-link before create: the mapped order if it still exists, else the one order whose
// client_order_ref (then origin) is the Shopify order name; two is a failure naming both. A found
// order is confirmed and invoiced if it is not yet; its invoice is found through invoice_ids before
// one is created, so a batch redone after a crash finishes what it started and duplicates nothing.
// An order brings its customer and products along (synced first, their mappings written with it).
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { toShopifyGid } from "@/lib/shopify/gid";
import type { ResourceType } from "@/lib/vocabulary/sync";
import {
  eachOrAll,
  fetchNodes,
  indexRows,
  mappedOdooIds,
  tally,
  type ItemOutcome,
  type SyncContext,
} from "./sync-context";
import { prefetchOrders } from "./prefetch-orders";
import { syncCustomers } from "./sync-customers";
import { barcodeOf, findVariants, isBarcode, syncProducts, variantKey } from "./sync-products";

const ORDERS = `#graphql
  query SyncoOdooSyncOrders($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Order {
        id
        name
        processedAt
        customer {
          id
        }
        lineItems(first: 25) {
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            name
            sku
            variant {
              barcode
              product {
                id
              }
            }
            quantity
            originalUnitPriceSet {
              shopMoney {
                amount
              }
            }
          }
        }
      }
    }
  }
`;
/** An order's lines after the first page: 100 a read (about 500 points, under the query limit). */
const MORE_LINES = `#graphql
  query SyncoOdooSyncOrderLines($id: ID!, $after: String) {
    node(id: $id) {
      ... on Order {
        lineItems(first: 100, after: $after) {
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            name
            sku
            variant {
              barcode
              product {
                id
              }
            }
            quantity
            originalUnitPriceSet {
              shopMoney {
                amount
              }
            }
          }
        }
      }
    }
  }
`;
/**
 * Orders per Shopify read: 25 lines each (5 points a line with its variant's barcode and product,
 * 129 an order) keeps a read under Shopify's 1,000-point query limit.
 */
const ORDERS_PER_READ = 7;

type OrderNode = {
  id: string;
  name: string;
  processedAt: string;
  customer: { id: string } | null;
  lineItems: {
    pageInfo: { hasNextPage: boolean; endCursor?: string | null };
    nodes: {
      name: string;
      sku: string | null;
      /** The variant's barcode (its key without a SKU, decision 90) and product (synced if Odoo lacks it). */
      variant?: { barcode: string | null; product: { id: string } } | null;
      quantity: number;
      originalUnitPriceSet: { shopMoney: { amount: string } };
    }[];
  };
};
type SaleOrder = {
  id: number;
  client_order_ref: string | false;
  origin: string | false;
  state: string;
  invoice_ids: number[];
};

type Found = { orderId: number; state: string; invoiceIds: number[] };

export async function syncOrders(
  context: SyncContext,
  ids: number[],
): Promise<Map<ResourceType, Map<number, ItemOutcome>>> {
  const outcomes = new Map<number, ItemOutcome>();
  const along = new Map<ResourceType, Map<number, ItemOutcome>>([
    ["order", outcomes],
    ["customer", new Map()],
    ["product", new Map()],
  ]);
  const fail = (shopifyId: number, error: string, odooId: number | null = null) =>
    outcomes.set(shopifyId, { shopifyId, ok: false, error, odooId });
  const found = new Map<number, Found>();

  // Mapped before, to an order that is still there.
  const mapped = await mappedOdooIds(context.storeId, "order", ids);
  const withIds = [...mapped].filter(([, m]) => m.odooId !== null && m.status === "synced");
  if (withIds.length) {
    const alive = new Map(
      (
        await context.odoo.read<SaleOrder>(
          "sale.order",
          withIds.map(([, m]) => m.odooId!),
          ["id", "state", "invoice_ids"],
        )
      ).map((o) => [o.id, o]),
    );
    for (const [shopifyId, m] of withIds) {
      const order = alive.get(m.odooId!);
      if (order) found.set(shopifyId, { orderId: order.id, state: order.state, invoiceIds: order.invoice_ids });
      else
        fail(
          shopifyId,
          `The Odoo sales order it was synced to (sale.order ${m.odooId}) was deleted in Odoo; sync it again to link or create another`,
        );
    }
  }

  const index = await indexRows(context.storeId, "order", ids);
  const nameOf = new Map<number, string>();
  for (const id of ids) {
    const name = index.get(id)?.orderName;
    if (name) nameOf.set(id, name);
  }
  await relinkByName(
    context,
    ids.filter((id) => !outcomes.has(id) && !found.has(id)),
    nameOf,
    found,
    fail,
  );

  // Not found in Odoo: read from Shopify, then create.
  const pending = ids.filter((id) => !outcomes.has(id) && !found.has(id));
  const nodes = new Map<number, OrderNode>();
  if (pending.length > ORDERS_PER_READ && context.orders === undefined) context.orders = await prefetchOrders(context);
  for (const id of pending) {
    const prefetched = context.orders?.get(id);
    if (prefetched) {
      nodes.set(id, prefetched);
      context.orders!.delete(id);
    }
  }
  const unread = pending.filter((id) => !nodes.has(id));
  for (let i = 0; i < unread.length; i += ORDERS_PER_READ)
    for (const [id, node] of await fetchNodes<OrderNode>(
      context,
      ORDERS,
      unread.slice(i, i + ORDERS_PER_READ).map((id) => toShopifyGid("order", id)),
    ))
      nodes.set(id, node);
  const stale: number[] = [];
  for (const id of pending) {
    const node = nodes.get(id);
    if (!node) fail(id, "This order is no longer in Shopify (or is older than the store's access reaches)");
    else if (node.name !== nameOf.get(id)) {
      nameOf.set(id, node.name);
      stale.push(id);
    }
  }
  if (stale.length) await relinkByName(context, stale, nameOf, found, fail);

  const toCreate = pending.filter((id) => !outcomes.has(id) && !found.has(id) && nodes.has(id));
  // Orders with more lines than the first read holds: the rest, page by page, before creating.
  for (const id of toCreate) {
    const node = nodes.get(id)!;
    if (node.lineItems.pageInfo.hasNextPage) await readRemainingLines(context, id, node);
  }
  const values = await orderValues(context, toCreate, nodes, along, fail);
  const creatable = toCreate.filter((id) => values.has(id));
  const failures = new Map<number, string>();
  const created = await eachOrAll(
    creatable,
    (part) =>
      context.odoo.create(
        "sale.order",
        part.map((id) => values.get(id)!),
      ),
    failures,
  );
  creatable.forEach((id, i) => {
    if (created[i]) {
      found.set(id, { orderId: created[i]!, state: "draft", invoiceIds: [] });
      tally(context.created, "order");
    } else fail(id, `Odoo refused the sales order: ${failures.get(id) ?? "unknown error"}`);
  });
  for (const id of ids) if (found.has(id) && !creatable.includes(id)) tally(context.linked, "order");

  await confirmAndInvoice(context, found, outcomes, fail);
  return along;
}

/** One search for every name: client_order_ref first, then origin; two matches fail naming both. */
async function relinkByName(
  context: SyncContext,
  ids: number[],
  nameOf: Map<number, string>,
  found: Map<number, Found>,
  fail: (id: number, error: string) => void,
) {
  const names = [...new Set(ids.map((id) => nameOf.get(id)).filter((n): n is string => Boolean(n)))];
  if (names.length === 0) return;
  const orders = await context.odoo.searchRead<SaleOrder>("sale.order", {
    domain: ["|", ["client_order_ref", "in", names], ["origin", "in", names]],
    fields: ["id", "client_order_ref", "origin", "state", "invoice_ids"],
    order: "id",
  });
  const byRef = new Map<string, SaleOrder[]>();
  const byOrigin = new Map<string, SaleOrder[]>();
  for (const o of orders) {
    if (typeof o.client_order_ref === "string")
      byRef.set(o.client_order_ref, [...(byRef.get(o.client_order_ref) ?? []), o]);
    else if (typeof o.origin === "string") byOrigin.set(o.origin, [...(byOrigin.get(o.origin) ?? []), o]);
  }
  for (const id of ids) {
    const name = nameOf.get(id);
    if (!name) continue;
    const matches = byRef.get(name) ?? byOrigin.get(name) ?? [];
    if (matches.length === 1)
      found.set(id, { orderId: matches[0]!.id, state: matches[0]!.state, invoiceIds: matches[0]!.invoice_ids });
    else if (matches.length > 1)
      fail(
        id,
        `Ambiguous match in Odoo: ${matches.map((o) => `sale.order ${o.id}`).join(" and ")} both have the customer reference ${name}; cancel or change one, then retry`,
      );
  }
}

/** The sales order each Shopify order becomes, its customer and products synced first. */
async function orderValues(
  context: SyncContext,
  ids: number[],
  nodes: Map<number, OrderNode>,
  along: Map<ResourceType, Map<number, ItemOutcome>>,
  fail: (id: number, error: string) => void,
): Promise<Map<number, Record<string, unknown>>> {
  const values = new Map<number, Record<string, unknown>>();
  const customerOf = new Map<number, number>();
  for (const id of ids) {
    const node = nodes.get(id)!;
    const keyless = node.lineItems.nodes.find((line) => !lineKey(line));
    if (!node.customer) fail(id, "It has no customer: Odoo needs one for a sales order");
    else if (keyless)
      fail(
        id,
        `Line “${keyless.name}” has no SKU and no barcode: Odoo products are matched by SKU (Internal Reference), then barcode, so give the variant a SKU or a barcode in Shopify, then retry`,
      );
    else customerOf.set(id, Number(node.customer.id.split("/").pop()));
  }
  const ready = ids.filter((id) => customerOf.has(id));

  // Customers: their mapping, else synced now.
  const customerIds = [...new Set(ready.map((id) => customerOf.get(id)!))];
  const partners = new Map<number, number>();
  const mappedCustomers = await mappedOdooIds(context.storeId, "customer", customerIds);
  const unsynced: number[] = [];
  for (const customerId of customerIds) {
    const m = mappedCustomers.get(customerId);
    if (m?.status === "synced" && m.odooId) partners.set(customerId, m.odooId);
    else unsynced.push(customerId);
  }
  const customerProblems = new Map<number, string>();
  if (unsynced.length) {
    const synced = await syncCustomers(context, unsynced);
    for (const [customerId, outcome] of synced) {
      along.get("customer")!.set(customerId, outcome);
      if (outcome.ok) partners.set(customerId, outcome.odooId);
      else customerProblems.set(customerId, outcome.error);
    }
  }

  // Products: by SKU, else barcode (the run's cache, then Odoo: one search for both), else the
  // line's product synced now.
  const readyLines = ready.flatMap((id) => nodes.get(id)!.lineItems.nodes);
  const keysNeeded = new Set(readyLines.map((l) => lineKey(l)!));
  const unknown = [...keysNeeded].filter((key) => !context.variantBySku.has(key));
  const ambiguousKeys = new Map<string, number[]>();
  for (const [key, list] of await findVariants(context, unknown))
    if (list.length > 1)
      ambiguousKeys.set(
        key,
        list.map((v) => v.id),
      );
  const productProblems = new Map<string, string>();
  // The Shopify product of each key Odoo lacks: a SKU's from the index (it keeps every variant's
  // SKU), a barcode's from the line's variant (the index keeps no barcode).
  const missing = [...keysNeeded].filter((key) => !context.variantBySku.has(key) && !ambiguousKeys.has(key));
  const productsToSync = await productsBySku(
    context.storeId,
    missing.filter((key) => !isBarcode(key)),
  );
  for (const line of readyLines) {
    const key = lineKey(line)!;
    const productId = Number(line.variant?.product.id.split("/").pop());
    if (!isBarcode(key) || !missing.includes(key) || !Number.isSafeInteger(productId) || productId <= 0) continue;
    productsToSync.set(productId, [...new Set([...(productsToSync.get(productId) ?? []), key])]);
  }
  if (productsToSync.size) {
    const synced = await syncProducts(context, [...productsToSync.keys()]);
    for (const [productId, outcome] of synced) {
      along.get("product")!.set(productId, outcome);
      if (!outcome.ok) for (const key of productsToSync.get(productId)!) productProblems.set(key, outcome.error);
    }
  }

  for (const id of ready) {
    const node = nodes.get(id)!;
    const customerId = customerOf.get(id)!;
    const partner = partners.get(customerId);
    if (!partner) {
      fail(id, `Its customer could not be synced: ${customerProblems.get(customerId) ?? "unknown error"}`);
      continue;
    }
    const lines: unknown[] = [];
    let problem: string | null = null;
    for (const line of node.lineItems.nodes) {
      const key = lineKey(line)!;
      const variant = context.variantBySku.get(key);
      if (variant) {
        lines.push([
          0,
          0,
          {
            product_id: variant,
            name: line.name,
            product_uom_qty: line.quantity,
            price_unit: Number(line.originalUnitPriceSet.shopMoney.amount),
          },
        ]);
        continue;
      }
      const ambiguous = ambiguousKeys.get(key);
      const what = isBarcode(key) ? `the barcode ${barcodeOf(key)}` : `the SKU ${key}`;
      problem = ambiguous
        ? `Ambiguous match in Odoo: ${ambiguous.map((v) => `product.product ${v}`).join(" and ")} both have ${what}; change one, then retry`
        : productProblems.has(key)
          ? `Its product with ${what} could not be synced: ${productProblems.get(key)}`
          : `No Odoo product has ${what}, and no Shopify product with it was found to sync`;
      break;
    }
    if (problem) {
      fail(id, problem);
      continue;
    }
    values.set(id, {
      partner_id: partner,
      client_order_ref: node.name,
      origin: node.name,
      date_order: odooDatetime(node.processedAt),
      order_line: lines,
    });
  }
  return values;
}

/** Confirms orders still quotations, invoices those without an invoice, posts draft invoices. */
async function confirmAndInvoice(
  context: SyncContext,
  found: Map<number, Found>,
  outcomes: Map<number, ItemOutcome>,
  fail: (id: number, error: string, odooId?: number | null) => void,
) {
  const live = () => [...found].filter(([id]) => !outcomes.has(id));
  const refuse = (failures: Map<number, string>, what: string) => {
    for (const [shopifyId, message] of failures) fail(shopifyId, `${what}: ${message}`, found.get(shopifyId)?.orderId);
  };

  const drafts = live().filter(([, f]) => f.state === "draft" || f.state === "sent");
  const confirmFailures = new Map<number, string>();
  await eachOrAll(
    drafts.map(([id]) => id),
    async (part) => {
      await context.odoo.call("sale.order", "action_confirm", { ids: part.map((id) => found.get(id)!.orderId) });
      return part;
    },
    confirmFailures,
  );
  refuse(confirmFailures, "Odoo did not confirm the sales order");
  for (const [id, f] of drafts) if (!confirmFailures.has(id)) f.state = "sale";
  for (const [id, f] of live())
    if (f.state === "cancel") fail(id, `Its Odoo sales order (sale.order ${f.orderId}) is cancelled`, f.orderId);

  // Invoices: found through invoice_ids first; the others are made by the invoicing wizard.
  const uninvoiced = live().filter(([, f]) => f.invoiceIds.length === 0);
  const invoiceFailures = new Map<number, string>();
  await eachOrAll(
    uninvoiced.map(([id]) => id),
    async (part) => {
      const [wizard] = await context.odoo.create("sale.advance.payment.inv", [
        { advance_payment_method: "delivered", sale_order_ids: [[6, 0, part.map((id) => found.get(id)!.orderId)]] },
      ]);
      await context.odoo.call("sale.advance.payment.inv", "create_invoices", { ids: [wizard!] });
      return part;
    },
    invoiceFailures,
  );
  refuse(invoiceFailures, "Odoo did not invoice the sales order");
  const reread = live().filter(([id]) => uninvoiced.some(([u]) => u === id));
  if (reread.length) {
    const orders = await context.odoo.read<SaleOrder>(
      "sale.order",
      reread.map(([, f]) => f.orderId),
      ["id", "invoice_ids"],
    );
    const byId = new Map(orders.map((o) => [o.id, o.invoice_ids]));
    for (const [, f] of reread) f.invoiceIds = byId.get(f.orderId) ?? [];
  }

  const invoiceIds = [...new Set(live().flatMap(([, f]) => f.invoiceIds))];
  const moves = new Map(
    invoiceIds.length
      ? (
          await context.odoo.read<{ id: number; state: string; move_type: string }>("account.move", invoiceIds, [
            "id",
            "state",
            "move_type",
          ])
        ).map((m) => [m.id, m])
      : [],
  );
  const invoiceOf = new Map<number, number>();
  for (const [id, f] of live()) {
    const invoices = f.invoiceIds.map((m) => moves.get(m)).filter((m) => m && m.move_type === "out_invoice");
    const pick = invoices.find((m) => m!.state === "posted") ?? invoices.find((m) => m!.state === "draft");
    if (pick) invoiceOf.set(id, pick.id);
    else fail(id, `Odoo made no invoice for the sales order (sale.order ${f.orderId})`, f.orderId);
  }
  const toPost = [...new Set([...invoiceOf.values()].filter((m) => moves.get(m)?.state === "draft"))];
  const postFailures = new Map<number, string>();
  await eachOrAll(
    toPost,
    async (part) => {
      await context.odoo.call("account.move", "action_post", { ids: part });
      return part;
    },
    postFailures,
  );
  for (const [id, f] of live()) {
    const invoice = invoiceOf.get(id)!;
    const refused = postFailures.get(invoice);
    if (refused) fail(id, `Odoo did not post the invoice (account.move ${invoice}): ${refused}`, f.orderId);
    else outcomes.set(id, { shopifyId: id, ok: true, odooId: f.orderId, odooInvoiceId: invoice });
  }
}

/** Shopify products holding these SKUs (index rows), with the SKUs each holds. */
async function productsBySku(storeId: string, skus: string[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (skus.length === 0) return out;
  const { rows } = await db.execute<{ shopify_id: string; skus: string[] }>(sql`
    select shopify_id, skus from shopify_index_items
    where store_id = ${storeId} and resource_type = 'product' and skus && ${skus}::text[]`);
  const wanted = new Set(skus);
  for (const row of rows)
    out.set(
      Number(row.shopify_id),
      row.skus.filter((sku) => wanted.has(sku)),
    );
  return out;
}

/** A line's product key as products have it: its SKU, else its variant's barcode (decision 90). */
const lineKey = (line: OrderNode["lineItems"]["nodes"][number]) =>
  variantKey({ sku: line.sku, barcode: line.variant?.barcode ?? null });

/** Odoo's datetime: "YYYY-MM-DD HH:MM:SS" in UTC. */
const odooDatetime = (iso: string) => new Date(iso).toISOString().slice(0, 19).replace("T", " ");

/** The order's lines after those already read, appended to the node, 100 a read. */
async function readRemainingLines(context: SyncContext, id: number, node: OrderNode) {
  let { hasNextPage, endCursor } = node.lineItems.pageInfo;
  while (hasNextPage) {
    const { data } = await context.shopify.request<{ node: Pick<OrderNode, "lineItems"> | null }>(MORE_LINES, {
      variables: { id: toShopifyGid("order", id), after: endCursor ?? null },
      signal: context.signal,
    });
    const page = data.node?.lineItems;
    if (!page) break;
    node.lineItems.nodes.push(...page.nodes);
    ({ hasNextPage, endCursor } = page.pageInfo);
  }
  node.lineItems.pageInfo = { hasNextPage: false, endCursor: null };
}
