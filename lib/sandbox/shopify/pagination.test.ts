import { beforeAll, describe, expect, it } from "vitest";
import { createSandboxProduct } from "./create-sandbox-product";
import { toGid } from "./gid";
import { seedSmallStore, type SeededSmallStore } from "./seed-small-store";
import { sandboxClient, startSandboxServerForTests, type SandboxClient } from "./testing/sandbox-client";

const baseUrl = startSandboxServerForTests();

const PRODUCTS_PAGE = `#graphql
  query ProductsPage($first: Int, $last: Int, $after: String, $before: String, $sortKey: ProductSortKeys, $reverse: Boolean, $query: String) {
    products(first: $first, last: $last, after: $after, before: $before, sortKey: $sortKey, reverse: $reverse, query: $query) {
      edges { cursor node { id title } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }`;

type Page = {
  products: {
    edges: { cursor: string; node: { id: string; title: string } }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  };
};

/** Walks every page forwards (first/after), then backwards (last/before), collecting ids. */
async function walk(gql: SandboxClient, variables: Record<string, unknown>, size: number) {
  const forward: string[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const { body }: { body: { data?: Page | null } } = await gql<Page>(PRODUCTS_PAGE, {
      ...variables,
      first: size,
      after,
    });
    const page: Page["products"] = body.data!.products;
    expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
    forward.push(...page.edges.map((edge) => edge.node.id));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  const backward: string[] = [];
  let before: string | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const { body }: { body: { data?: Page | null } } = await gql<Page>(PRODUCTS_PAGE, {
      ...variables,
      last: size,
      before,
    });
    const page: Page["products"] = body.data!.products;
    expect(page.pageInfo.hasNextPage).toBe(before !== null);
    backward.unshift(...page.edges.map((edge) => edge.node.id));
    if (!page.pageInfo.hasPreviousPage) break;
    before = page.pageInfo.startCursor;
  }
  return { forward, backward };
}

describe("sandbox connections", () => {
  let store: SeededSmallStore;
  let gql: SandboxClient;
  let ids: string[];
  beforeAll(async () => {
    store = await seedSmallStore({
      products: 23,
      variantsPerProduct: 1,
      customers: 4,
      orders: 6,
      throttleEnabled: false,
    });
    gql = sandboxClient(baseUrl(), store.shop.domain, store.accessToken);
    ids = store.products.map(({ product }) => toGid("Product", product.id));
  });

  it("round-trips every product exactly once, forwards and backwards, by id", async () => {
    const { forward, backward } = await walk(gql, {}, 5);
    expect(forward).toEqual(ids);
    expect(backward).toEqual(ids);
  });

  it("keeps the order of a sort key, reversed too, and of a query filter", async () => {
    const byTitle = [...store.products]
      .sort((a, b) => a.product.title.localeCompare(b.product.title, "en"))
      .map(({ product }) => toGid("Product", product.id));
    const titleWalk = await walk(gql, { sortKey: "TITLE" }, 4);
    expect(new Set(titleWalk.forward)).toEqual(new Set(byTitle));
    expect(titleWalk.backward).toEqual(titleWalk.forward);
    const newestFirst = await walk(gql, { sortKey: "UPDATED_AT", reverse: true }, 6);
    expect(newestFirst.forward).toEqual([...ids].reverse());
    expect(newestFirst.backward).toEqual([...ids].reverse());
    // Products are created an hour apart from 2026-01-01T01:00Z: the filter keeps those after 10:00.
    const recent = await walk(gql, { sortKey: "CREATED_AT", query: "created_at:>'2026-01-01T10:00:00Z'" }, 3);
    expect(recent.forward).toEqual(ids.slice(10));
    expect(recent.backward).toEqual(ids.slice(10));
  });

  it("does not skip or repeat anything when rows are inserted while paging", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 50; page++) {
      const { body }: { body: { data?: Page | null } } = await gql<Page>(PRODUCTS_PAGE, {
        first: 5,
        after,
        sortKey: "CREATED_AT",
      });
      seen.push(...body.data!.products.edges.map((edge) => edge.node.id));
      // Someone adds a product that sorts before the cursor, and one that sorts at the very end.
      if (page === 1) {
        await createSandboxProduct({
          shopId: store.shop.id,
          title: "Backdated",
          createdAt: new Date("2025-06-01T00:00:00Z"),
        });
      }
      if (!body.data!.products.pageInfo.hasNextPage) break;
      after = body.data!.products.pageInfo.endCursor;
    }
    expect(seen.slice(0, ids.length)).toEqual(ids);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("refuses what Shopify refuses: no page size, both first and last, more than 250, a foreign cursor", async () => {
    const missing = await gql(`query { products { nodes { id } } }`);
    expect(missing.body.data).toBeNull();
    expect(missing.body.errors).toEqual([
      expect.objectContaining({ message: "you must provide one of first or last", path: ["products"] }),
    ]);
    const both = await gql(`query { products(first: 1, last: 1) { nodes { id } } }`);
    expect(both.body.errors).toEqual([
      expect.objectContaining({ message: "providing both first and last is not supported" }),
    ]);
    const tooMany = await gql(`query { products(first: 251) { nodes { id } } }`);
    expect(tooMany.body.errors).toEqual([
      expect.objectContaining({ message: expect.stringContaining("Expected a page size from 0 to 250") }),
    ]);
    const { body } = await gql<Page>(PRODUCTS_PAGE, { first: 1 });
    const cursor = body.data!.products.pageInfo.endCursor;
    const wrongSort = await gql(PRODUCTS_PAGE, { first: 1, after: cursor, sortKey: "TITLE" });
    expect(wrongSort.body.errors).toEqual([
      expect.objectContaining({ message: "Invalid cursor for current pagination sort." }),
    ]);
  });

  it("pages nested connections: an order's line items and a product's variants", async () => {
    const order = store.orders[0]!.order;
    const { body } = await gql<{ order: { name: string; lineItems: { nodes: { sku: string; quantity: number }[] } } }>(
      `#graphql
      query Order($id: ID!) { order(id: $id) { name lineItems(first: 5) { nodes { sku quantity } } } }`,
      { id: toGid("Order", order.id) },
    );
    expect(body.data!.order).toEqual({ name: order.name, lineItems: { nodes: [{ sku: "SKU-1-1", quantity: 1 }] } });
  });
});

describe("sandbox counts and search", () => {
  let store: SeededSmallStore;
  let gql: SandboxClient;
  beforeAll(async () => {
    store = await seedSmallStore({
      products: 4,
      variantsPerProduct: 2,
      customers: 3,
      orders: 5,
      throttleEnabled: false,
    });
    gql = sandboxClient(baseUrl(), store.shop.domain, store.accessToken);
  });

  const count = async (field: string, query?: string, limit?: number) => {
    const { body } = await gql<Record<string, { count: number; precision: string }>>(
      `query Count($query: String, $limit: Int) { ${field}(query: $query, limit: $limit) { count precision } }`,
      { query, limit },
    );
    return body.data![field];
  };

  it("counts exactly, or AT_LEAST the limit", async () => {
    expect(await count("productsCount")).toEqual({ count: 4, precision: "EXACT" });
    expect(await count("productVariantsCount")).toEqual({ count: 8, precision: "EXACT" });
    expect(await count("customersCount")).toEqual({ count: 3, precision: "EXACT" });
    expect(await count("ordersCount")).toEqual({ count: 5, precision: "EXACT" });
    expect(await count("ordersCount", undefined, 2)).toEqual({ count: 2, precision: "AT_LEAST" });
  });

  it("filters with Shopify's search syntax", async () => {
    const [first, second] = store.orders.map(({ order }) => order);
    expect(await count("ordersCount", `id:>${first!.id}`)).toMatchObject({ count: 4 });
    expect(await count("ordersCount", `name:${second!.name}`)).toMatchObject({ count: 1 });
    expect(await count("ordersCount", `email:CUSTOMER2@example.com`)).toMatchObject({ count: 2 });
    expect(await count("ordersCount", `sku:SKU-1-2`)).toMatchObject({ count: 1 });
    expect(await count("ordersCount", `updated_at:>'2026-01-01T09:00:00Z'`)).toMatchObject({ count: 3 });
    expect(await count("ordersCount", `email:customer1@example.com OR email:customer3@example.com`)).toMatchObject({
      count: 3,
    });
    expect(await count("ordersCount", `-email:customer1@example.com`)).toMatchObject({ count: 3 });
    expect(
      await count(
        "ordersCount",
        `(email:customer1@example.com OR email:customer2@example.com) AND NOT name:${first!.name}`,
      ),
    ).toMatchObject({ count: 3 });
    expect(
      await count("ordersCount", `created_at:>='2026-01-01T08:00:00Z' created_at:<'2026-01-01T10:00:00Z'`),
    ).toMatchObject({ count: 2 });
    expect(await count("productsCount", `sku:SKU-3-2`)).toMatchObject({ count: 1 });
    expect(await count("productsCount", `title:Product*`)).toMatchObject({ count: 4 });
    expect(await count("productsCount", `product 2`)).toMatchObject({ count: 1 });
    expect(await count("customersCount", `customer3`)).toMatchObject({ count: 1 });
  });

  it("ignores a field it cannot search and says so in extensions.search, as Shopify does", async () => {
    const { body } = await gql(
      `query { ordersCount(query: "staff_member:Kat email:customer1@example.com") { count } }`,
    );
    expect(body.data).toEqual({ ordersCount: { count: 2 } });
    expect(body.extensions!.search).toEqual([
      {
        path: ["ordersCount"],
        query: "staff_member:Kat email:customer1@example.com",
        warnings: [{ field: "staff_member", message: "Invalid search field for this query.", code: "invalid_field" }],
      },
    ]);
  });
});
