import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createSandboxCustomer } from "./create-sandbox-customer";
import { createSandboxOrder } from "./create-sandbox-order";
import { createSandboxProduct } from "./create-sandbox-product";
import { createSandboxShop } from "./create-sandbox-shop";
import { sandboxClient, startSandboxServerForTests, type SandboxClient } from "./testing/sandbox-client";

const baseUrl = startSandboxServerForTests();
let gql: SandboxClient;
// Short names for the items' gids, so the table reads as what matches.
const names = new Map<string, string>();

beforeAll(async () => {
  const domain = `search-${randomUUID().slice(0, 12)}.myshopify.com`;
  const { shop, accessToken } = await createSandboxShop({ domain, name: "Search", throttleEnabled: false });
  gql = sandboxClient(baseUrl(), domain, accessToken);
  const day = (n: number) => new Date(Date.UTC(2026, 0, n));
  const product = async (name: string, input: Omit<Parameters<typeof createSandboxProduct>[0], "shopId">) => {
    const created = await createSandboxProduct({ shopId: shop.id, ...input });
    names.set(`gid://shopify/Product/${created.product.id}`, name);
    return created;
  };
  const candle = await product("candle", {
    title: "Candle",
    vendor: "Wax Works",
    tags: ["gift"],
    variants: [{ title: "Small", sku: "CAN-S" }],
    createdAt: day(1),
  });
  await product("holder", {
    title: "Red Candle Holder",
    vendor: "Iron & Co",
    productType: "Decor",
    variants: [{ sku: "HOL-1" }],
    createdAt: day(2),
  });
  await product("candlestick", { title: "Candlestick", vendor: "Wax Works", status: "DRAFT", createdAt: day(3) });
  await product("mug", { title: "Blue Mug", vendor: "Clay", tags: ["gift", "kitchen"], createdAt: day(4) });

  const ada = await createSandboxCustomer({
    shopId: shop.id,
    email: "ada@example.com",
    firstName: "Ada",
    lastName: "Lovelace",
  });
  const bob = await createSandboxCustomer({
    shopId: shop.id,
    email: "bob@shop.test",
    firstName: "Bob",
    lastName: "Candle",
  });
  names.set(`gid://shopify/Customer/${ada.id}`, "ada");
  names.set(`gid://shopify/Customer/${bob.id}`, "bob");
  for (const [customer, count] of [
    [ada, 2],
    [bob, 1],
  ] as const) {
    for (let i = 0; i < count; i++) {
      const { order } = await createSandboxOrder({
        shopId: shop.id,
        customerId: customer.id,
        email: customer.email,
        lineItems: [{ variantId: candle.variants[0]!.id, quantity: 1, price: "10.00" }],
      });
      names.set(`gid://shopify/Order/${order.id}`, `${customer.firstName?.toLowerCase()}-${i + 1}`);
    }
  }
});

async function search(field: "products" | "customers" | "orders", query: string) {
  const result = await gql<Record<string, { nodes: { id: string }[] }>>(
    `query Search($query: String) { found: ${field}(first: 50, query: $query) { nodes { id } } }`,
    { query },
  );
  expect(result.body.errors, query).toBeUndefined();
  return {
    found: result.body.data!.found!.nodes.map((node) => names.get(node.id)).sort(),
    warnings: (result.body.extensions?.search ?? []).flatMap((entry) => entry.warnings.map((w) => w.field)),
  };
}

// Term → what Shopify's search syntax finds (shopify.dev/docs/api/usage/search-syntax).
const PRODUCTS: [string, string[]][] = [
  ["candle", ["candle", "holder"]], // words, not substrings: not "Candlestick"
  ["andle", []],
  ["title:andle", []],
  ["title:candle", ["candle", "holder"]],
  ["title:Cand*", ["candle", "candlestick", "holder"]],
  ["cand*", ["candle", "candlestick", "holder"]],
  ['"candle holder"', ["holder"]],
  ["title:'red candle'", ["holder"]],
  ['"holder candle"', []],
  ["candle OR mug", ["candle", "holder", "mug"]],
  ["candle AND red", ["holder"]],
  ["candle red", ["holder"]],
  ["candle -red", ["candle"]],
  ["candle AND NOT red", ["candle"]],
  ["(candle OR candlestick) vendor:'Wax Works'", ["candle", "candlestick"]],
  ["vendor:wax", []],
  ["wax", ["candle", "candlestick"]], // a bare word looks in the vendor too
  ["tag:gift", ["candle", "mug"]],
  ["tag_not:gift", ["candlestick", "holder"]],
  ["status:draft", ["candlestick"]],
  ["published_status:unpublished", ["candlestick"]],
  ["published_status:published", ["candle", "holder", "mug"]],
  ["product_type:decor", ["holder"]],
  ["sku:CAN-S", ["candle"]],
  ["sku:HOL*", ["holder"]],
  ["variant_title:small", ["candle"]],
  ["created_at:>2026-01-02", ["candlestick", "mug"]],
  ["created_at:<=2026-01-02", ["candle", "holder"]],
  ["created_at:>=2026-01-02 created_at:<2026-01-04", ["candlestick", "holder"]],
  ["gift_card:true", []],
];

const CUSTOMERS: [string, string[]][] = [
  ["ada", ["ada"]],
  ["candle", ["bob"]], // the name's words
  ["email:ada@example.com", ["ada"]],
  ["example", ["ada"]],
  ["first_name:bo*", ["bob"]],
  ["orders_count:>1", ["ada"]],
  ["orders_count:1", ["bob"]],
  ["total_spent:>=20", ["ada"]],
  ["country:canada", []],
  ["accepts_marketing:false", ["ada", "bob"]],
];

const ORDERS: [string, string[]][] = [
  ["email:bob@shop.test", ["bob-1"]],
  ["financial_status:paid", ["ada-1", "ada-2", "bob-1"]],
  ["financial_status:refunded", []],
  ["fulfillment_status:shipped", []],
  ["fulfillment_status:unshipped email:bob@shop.test", ["bob-1"]],
  ["status:open", ["ada-1", "ada-2", "bob-1"]],
  ["status:cancelled", []],
  ["sku:CAN-S -email:ada@example.com", ["bob-1"]],
  ["test:true", []],
];

describe("Shopify's search syntax", () => {
  it.each(PRODUCTS)("products(query: %j)", async (query, expected) => {
    expect(await search("products", query)).toEqual({ found: expected, warnings: [] });
  });

  it.each(CUSTOMERS)("customers(query: %j)", async (query, expected) => {
    expect(await search("customers", query)).toEqual({ found: expected, warnings: [] });
  });

  it.each(ORDERS)("orders(query: %j)", async (query, expected) => {
    expect(await search("orders", query)).toEqual({ found: expected, warnings: [] });
  });

  it("ignores a field the resource cannot be searched by, with a warning in extensions.search, as Shopify does", async () => {
    expect(await search("products", "colour:red")).toEqual({
      found: ["candle", "candlestick", "holder", "mug"],
      warnings: ["colour"],
    });
    expect(await search("products", "colour:red candle")).toEqual({
      found: ["candle", "holder"],
      warnings: ["colour"],
    });
  });
});
