// Products → product.template with one product.product per Shopify variant. Re-link before
// create: the mapped template if it still exists, else the variants whose SKU is an Odoo product's
// Internal Reference (default_code) — or, for a variant without a SKU, whose barcode is an Odoo
// product's barcode — all on one template; a key on two Odoo products, or the product's keys
// spread over two templates, fails the item naming them. A variant with neither SKU nor barcode
// fails its product (they are how a re-sync finds it again). Variants Odoo lacks are created
// under the template found. The type is written as the version has it: 16/17 `detailed_type`,
// 18+ `type` with `is_storable`.
import { toShopifyGid } from "@/lib/shopify/gid";
import {
  eachOrAll,
  fetchNodes,
  indexRows,
  mappedOdooIds,
  tally,
  type ItemOutcome,
  type SyncContext,
} from "./sync-context";

const PRODUCTS = `#graphql
  query SyncoOdooSyncProducts($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Product {
        id
        title
        variants(first: 50) {
          nodes {
            id
            sku
            barcode
            price
            title
          }
        }
      }
    }
  }
`;
/** Products per Shopify read: 50 variants each keeps a read under Shopify's 1,000-point query limit. */
const PRODUCTS_PER_READ = 18;

type ProductNode = {
  id: string;
  title: string;
  variants: { nodes: ShopifyVariant[] };
};
type ShopifyVariant = { id: string; sku: string | null; barcode?: string | null; price: string; title: string };
type Variant = {
  id: number;
  default_code: string | false;
  barcode: string | false;
  product_tmpl_id: [number, string] | false;
};

/**
 * A variant's key: its SKU, else its barcode (marked, so it never meets a SKU in the run's cache,
 * which the orders' lines read by SKU). Null when it has neither.
 */
const BARCODE = "\u0000barcode:";
export function variantKey(variant: Pick<ShopifyVariant, "sku" | "barcode">): string | null {
  const sku = variant.sku?.trim();
  if (sku) return sku;
  const barcode = variant.barcode?.trim();
  return barcode ? BARCODE + barcode : null;
}
export const isBarcode = (key: string) => key.startsWith(BARCODE);
export const barcodeOf = (key: string) => key.slice(BARCODE.length);
const describeKey = (key: string) =>
  isBarcode(key) ? `the barcode ${barcodeOf(key)}` : `the SKU ${key} as Internal Reference`;

export async function syncProducts(context: SyncContext, ids: number[]): Promise<Map<number, ItemOutcome>> {
  const outcomes = new Map<number, ItemOutcome>();
  const fail = (shopifyId: number, error: string) =>
    outcomes.set(shopifyId, { shopifyId, ok: false, error, odooId: null });
  const link = (shopifyId: number, odooId: number) => {
    outcomes.set(shopifyId, { shopifyId, ok: true, odooId });
    tally(context.linked, "product");
  };

  const index = await indexRows(context.storeId, "product", ids);
  const skusOf = new Map<number, string[]>();
  for (const id of ids) skusOf.set(id, index.get(id)?.skus.filter(Boolean) ?? []);

  // Mapped before: the template if it is still there.
  const mapped = await mappedOdooIds(context.storeId, "product", ids);
  const withIds = [...mapped].filter(([, m]) => m.odooId !== null && m.status === "synced");
  if (withIds.length) {
    const alive = new Set(
      (
        await context.odoo.read(
          "product.template",
          withIds.map(([, m]) => m.odooId!),
          ["id"],
        )
      ).map((t) => t.id),
    );
    for (const [shopifyId, m] of withIds)
      if (alive.has(m.odooId!) && skusOf.get(shopifyId)!.every((sku) => context.variantBySku.has(sku)))
        link(shopifyId, m.odooId!);
      else if (!alive.has(m.odooId!))
        fail(
          shopifyId,
          `The Odoo product it was synced to (product.template ${m.odooId}) was deleted in Odoo; sync it again to link or create another`,
        );
  }

  let pending = ids.filter((id) => !outcomes.has(id) && skusOf.get(id)!.length > 0);
  const found = await findVariants(
    context,
    pending.flatMap((id) => skusOf.get(id)!),
  );
  const partial = new Map<number, number>();
  for (const id of pending) matchProduct(id, skusOf.get(id)!, found, link, fail, partial);

  // Not found (or without SKUs in the index): read them from Shopify.
  pending = ids.filter((id) => !outcomes.has(id));
  if (pending.length === 0) return outcomes;
  const nodes = new Map<number, ProductNode>();
  for (let i = 0; i < pending.length; i += PRODUCTS_PER_READ)
    for (const [id, node] of await fetchNodes<ProductNode>(
      context,
      PRODUCTS,
      pending.slice(i, i + PRODUCTS_PER_READ).map((id) => toShopifyGid("product", id)),
    ))
      nodes.set(id, node);
  const stale: number[] = [];
  for (const id of pending) {
    const node = nodes.get(id);
    if (!node) {
      fail(id, "This product is no longer in Shopify");
      continue;
    }
    const missing = node.variants.nodes.filter((v) => !variantKey(v));
    if (missing.length) {
      fail(
        id,
        `${missing.length === node.variants.nodes.length ? "It has no SKU" : `Variant ${missing.map((v) => `“${v.title}”`).join(", ")} has no SKU`} and no barcode: Odoo products are matched by SKU (Internal Reference), then barcode, so give every variant a SKU in Shopify, then retry`,
      );
      continue;
    }
    const skus = node.variants.nodes.map((v) => variantKey(v)!);
    if (new Set(skus).size !== skus.length) {
      const shared = skus.find((s, i) => skus.indexOf(s) !== i)!;
      fail(
        id,
        `Two of its variants share a ${isBarcode(shared) ? `barcode (${barcodeOf(shared)})` : `SKU (${shared})`}: give each its own, then retry`,
      );
      continue;
    }
    if (skus.join("\n") !== skusOf.get(id)!.join("\n")) stale.push(id);
    skusOf.set(id, skus);
  }
  if (stale.length) {
    const again = await findVariants(
      context,
      stale.flatMap((id) => skusOf.get(id)!),
    );
    for (const [sku, list] of again) found.set(sku, list);
    for (const id of stale) if (!outcomes.has(id)) matchProduct(id, skusOf.get(id)!, found, link, fail, partial);
  }

  await create(
    context,
    pending.filter((id) => !outcomes.has(id) || partial.has(id)),
    nodes,
    partial,
    outcomes,
    fail,
  );
  return outcomes;
}

/** product.product by key (SKU, or barcode), into the run's cache (a key on one product only). One search. */
export async function findVariants(context: SyncContext, keys: string[]): Promise<Map<string, Variant[]>> {
  const bySku = new Map<string, Variant[]>();
  const wanted = [...new Set(keys)];
  if (wanted.length === 0) return bySku;
  const skus = wanted.filter((key) => !isBarcode(key));
  const barcodes = wanted.filter(isBarcode).map(barcodeOf);
  const leaves = [
    ...(skus.length ? [["default_code", "in", skus]] : []),
    ...(barcodes.length ? [["barcode", "in", barcodes]] : []),
  ];
  const variants = await context.odoo.searchRead<Variant>("product.product", {
    domain: leaves.length === 2 ? ["|", ...leaves] : leaves,
    fields: ["id", "default_code", "barcode", "product_tmpl_id"],
    order: "id",
  });
  const wantedSkus = new Set(skus);
  const wantedBarcodes = new Set(barcodes);
  const add = (key: string, v: Variant) => bySku.set(key, [...(bySku.get(key) ?? []), v]);
  for (const v of variants) {
    if (typeof v.default_code === "string" && wantedSkus.has(v.default_code)) add(v.default_code, v);
    if (typeof v.barcode === "string" && wantedBarcodes.has(v.barcode)) add(BARCODE + v.barcode, v);
  }
  for (const [sku, list] of bySku) if (list.length === 1) context.variantBySku.set(sku, list[0]!.id);
  return bySku;
}

function matchProduct(
  id: number,
  skus: string[],
  found: Map<string, Variant[]>,
  link: (id: number, odooId: number) => void,
  fail: (id: number, error: string) => void,
  partial: Map<number, number>,
) {
  const ambiguous = skus.find((sku) => (found.get(sku)?.length ?? 0) > 1);
  if (ambiguous) {
    fail(
      id,
      `Ambiguous match in Odoo: ${found
        .get(ambiguous)!
        .map((v) => `product.product ${v.id}`)
        .join(" and ")} both have ${describeKey(ambiguous)}; change one, then retry`,
    );
    return;
  }
  const templates = [
    ...new Set(skus.flatMap((sku) => found.get(sku) ?? []).map((v) => (v.product_tmpl_id ? v.product_tmpl_id[0] : 0))),
  ];
  if (templates.length === 0) return;
  if (templates.length > 1) {
    fail(
      id,
      `Its SKUs are on different Odoo products (${templates.map((t) => `product.template ${t}`).join(" and ")}); put them on one, then retry`,
    );
    return;
  }
  if (skus.every((sku) => found.has(sku))) link(id, templates[0]!);
  else partial.set(id, templates[0]!);
}

async function create(
  context: SyncContext,
  ids: number[],
  nodes: Map<number, ProductNode>,
  partial: Map<number, number>,
  outcomes: Map<number, ItemOutcome>,
  fail: (id: number, error: string) => void,
) {
  const fresh = ids.filter((id) => !partial.has(id) && nodes.has(id));
  const failures = new Map<number, string>();
  const templateIds = await eachOrAll(
    fresh,
    (part) =>
      context.odoo.create(
        "product.template",
        part.map((id) => templateValues(context, nodes.get(id)!)),
      ),
    failures,
  );
  const templateOf = new Map<number, number>(partial);
  fresh.forEach((id, i) => {
    if (templateIds[i]) {
      templateOf.set(id, templateIds[i]!);
      tally(context.created, "product");
    } else fail(id, `Odoo refused the product: ${failures.get(id) ?? "unknown error"}`);
  });
  // The template made its first variant (with the first SKU); the others are added to it.
  const extra: { productId: number; vals: Record<string, unknown> }[] = [];
  for (const id of ids) {
    const template = templateOf.get(id);
    const node = nodes.get(id);
    if (!template || !node) continue;
    const variants = partial.has(id)
      ? node.variants.nodes.filter((v) => !context.variantBySku.has(variantKey(v)!))
      : node.variants.nodes.slice(1);
    for (const v of variants)
      extra.push({
        productId: id,
        // Without attributes a variant's price is its template's: only its reference is its own.
        vals: { product_tmpl_id: template, ...keyValues(v) },
      });
  }
  const variantFailures = new Map<(typeof extra)[number], string>();
  await eachOrAll(
    extra,
    (part) =>
      context.odoo.create(
        "product.product",
        part.map((e) => e.vals),
      ),
    variantFailures,
  );
  for (const [e, message] of variantFailures) {
    fail(e.productId, `Odoo refused variant ${String(e.vals.default_code || e.vals.barcode)}: ${message}`);
  }
  await findVariants(
    context,
    ids
      .filter((id) => templateOf.has(id))
      .flatMap((id) => nodes.get(id)?.variants.nodes.map((v) => variantKey(v)!) ?? []),
  );
  for (const id of ids) {
    const template = templateOf.get(id);
    if (template && !outcomes.has(id)) {
      outcomes.set(id, { shopifyId: id, ok: true, odooId: template });
      if (partial.has(id)) tally(context.linked, "product");
    }
  }
}

function templateValues(context: SyncContext, node: ProductNode): Record<string, unknown> {
  const prices = node.variants.nodes.map((v) => Number(v.price)).filter((n) => Number.isFinite(n));
  return {
    name: node.title || node.variants.nodes[0]?.sku || "Shopify product",
    ...(node.variants.nodes[0] ? keyValues(node.variants.nodes[0]) : { default_code: false }),
    list_price: prices.length ? Math.min(...prices) : 0,
    sale_ok: true,
    invoice_policy: "order",
    ...(context.major <= 17 ? { detailed_type: "consu" } : { type: "consu", is_storable: false }),
  };
}

/** What a variant is found by again: its SKU as Internal Reference, else its barcode. */
function keyValues(variant: ShopifyVariant): Record<string, unknown> {
  const key = variantKey(variant)!;
  return isBarcode(key) ? { barcode: barcodeOf(key) } : { default_code: key };
}
