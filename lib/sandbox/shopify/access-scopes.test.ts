import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSandboxCustomer } from "./create-sandbox-customer";
import { createSandboxOrder } from "./create-sandbox-order";
import { createSandboxProduct } from "./create-sandbox-product";
import { createSandboxShop } from "./create-sandbox-shop";
import { toGid } from "./gid";
import { installSandboxApp } from "./install-sandbox-app";
import { readJsonl, waitForBulkOperation } from "./testing/bulk-client";
import { sandboxClient, startSandboxServerForTests, type SandboxClient } from "./testing/sandbox-client";

const baseUrl = startSandboxServerForTests();
const DAY = 86_400_000;
const ALL = ["read_products", "write_products", "read_customers", "write_customers", "read_orders", "write_orders"];

/** A shop with one product, one customer and two orders (90 and 10 days old), and a token per scope set asked for. */
async function shopWith(...scopeSets: string[][]) {
  const domain = `scopes-${randomUUID().slice(0, 12)}.myshopify.com`;
  const { shop } = await createSandboxShop({
    domain,
    name: "Scopes",
    throttleEnabled: false,
    scopes: ["read_products"],
  });
  const product = await createSandboxProduct({ shopId: shop.id, title: "Lamp", variants: [{ sku: "LAMP-1" }] });
  const customer = await createSandboxCustomer({ shopId: shop.id, email: "ada@example.com" });
  const order = (daysAgo: number) =>
    createSandboxOrder({
      shopId: shop.id,
      customerId: customer.id,
      email: customer.email,
      lineItems: [{ variantId: product.variants[0]!.id, quantity: 1 }],
      createdAt: new Date(Date.now() - daysAgo * DAY),
    });
  const old = (await order(90)).order;
  const recent = (await order(10)).order;
  const clients: SandboxClient[] = [];
  for (const [index, scopes] of scopeSets.entries()) {
    const { accessToken } = await installSandboxApp({
      shopId: shop.id,
      app: { id: 5_000_000 + index, handle: `app-${index}` },
      scopes,
    });
    clients.push(sandboxClient(baseUrl(), domain, accessToken));
  }
  return {
    clients,
    ids: {
      product: toGid("Product", product.product.id),
      customer: toGid("Customer", customer.id),
      old: toGid("Order", old.id),
      recent: toGid("Order", recent.id),
    },
  };
}

type Ids = Awaited<ReturnType<typeof shopWith>>["ids"];

const denial = (path: (string | number)[], scope: string) => ({
  message: `Access denied for ${path.findLast((part) => typeof part === "string")} field. Required access: \`${scope}\` access scope.`,
  locations: expect.any(Array),
  path,
  extensions: {
    code: "ACCESS_DENIED",
    documentation: "https://shopify.dev/api/usage/access-scopes",
    requiredAccess: `\`${scope}\` access scope.`,
  },
});

const METAFIELDS_SET = `mutation Set($metafields: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $metafields) { metafields { id } userErrors { field message code } } }`;
const METAFIELDS_DELETE = `mutation Delete($metafields: [MetafieldIdentifierInput!]!) { metafieldsDelete(metafields: $metafields) { deletedMetafields { ownerId } userErrors { field message } } }`;
const metafield = (ownerId: string) => ({ ownerId, namespace: "synco", key: "sync", type: "json", value: "{}" });

describe("access scopes", () => {
  // Each case: the token's scopes, a request, where the refusal lands and the scope it names.
  const refusals: {
    name: string;
    scopes: string[];
    query: (ids: Ids) => [string, Record<string, unknown>?];
    path: (string | number)[];
    scope: string;
  }[] = [
    {
      name: "orders",
      scopes: ["read_products"],
      query: () => ["{ orders(first: 5) { nodes { id } } }"],
      path: ["orders"],
      scope: "read_orders",
    },
    {
      name: "order by id",
      scopes: ["read_products"],
      query: (ids) => [`{ order(id: "${ids.recent}") { id } }`],
      path: ["order"],
      scope: "read_orders",
    },
    {
      name: "ordersCount",
      scopes: ["read_products"],
      query: () => ["{ ordersCount { count } }"],
      path: ["ordersCount"],
      scope: "read_orders",
    },
    {
      name: "customers",
      scopes: ["read_products"],
      query: () => ["{ customers(first: 5) { nodes { id } } }"],
      path: ["customers"],
      scope: "read_customers",
    },
    {
      name: "customer by id",
      scopes: ["read_orders"],
      query: (ids) => [`{ customer(id: "${ids.customer}") { id } }`],
      path: ["customer"],
      scope: "read_customers",
    },
    {
      name: "products",
      scopes: ["read_orders"],
      query: () => ["{ products(first: 5) { nodes { id } } }"],
      path: ["products"],
      scope: "read_products",
    },
    {
      name: "productsCount",
      scopes: ["read_orders"],
      query: () => ["{ productsCount { count } }"],
      path: ["productsCount"],
      scope: "read_products",
    },
    {
      name: "an order's customer",
      scopes: ["read_orders"],
      query: (ids) => [`{ order(id: "${ids.recent}") { id customer { id } } }`],
      path: ["order", "customer"],
      scope: "read_customers",
    },
    {
      name: "a customer's orders",
      scopes: ["read_customers"],
      query: (ids) => [`{ customer(id: "${ids.customer}") { id orders(first: 5) { nodes { id } } } }`],
      path: ["customer", "orders"],
      scope: "read_orders",
    },
    {
      name: "a line item's product",
      scopes: ["read_orders"],
      query: (ids) => [`{ order(id: "${ids.recent}") { lineItems(first: 5) { nodes { product { id } } } } }`],
      path: ["order", "lineItems", "nodes", 0, "product"],
      scope: "read_products",
    },
    {
      name: "node of an order",
      scopes: ["read_products"],
      query: (ids) => [`{ node(id: "${ids.recent}") { id } }`],
      path: ["node"],
      scope: "read_orders",
    },
    {
      name: "nodes: only the order",
      scopes: ["read_products"],
      query: (ids) => [`{ nodes(ids: ["${ids.product}", "${ids.recent}"]) { id } }`],
      path: ["nodes", 1],
      scope: "read_orders",
    },
    {
      name: "productCreate with read only",
      scopes: ["read_products"],
      query: () => ['mutation { productCreate(product: { title: "X" }) { product { id } } }'],
      path: ["productCreate"],
      scope: "write_products",
    },
    {
      name: "customerCreate",
      scopes: ["read_products", "read_customers"],
      query: () => ['mutation { customerCreate(input: { email: "x@example.com" }) { customer { id } } }'],
      path: ["customerCreate"],
      scope: "write_customers",
    },
    {
      name: "orderUpdate",
      scopes: ["read_orders"],
      query: (ids) => [`mutation { orderUpdate(input: { id: "${ids.recent}", note: "n" }) { order { id } } }`],
      path: ["orderUpdate"],
      scope: "write_orders",
    },
    {
      name: "orderDelete",
      scopes: ["read_orders"],
      query: (ids) => [`mutation { orderDelete(orderId: "${ids.recent}") { deletedId } }`],
      path: ["orderDelete"],
      scope: "write_orders",
    },
    {
      name: "metafieldsSet on an order",
      scopes: ["read_products", "write_products", "read_orders"],
      query: (ids) => [METAFIELDS_SET, { metafields: [metafield(ids.product), metafield(ids.recent)] }],
      path: ["metafieldsSet"],
      scope: "write_orders",
    },
    {
      name: "metafieldsSet on a product",
      scopes: ["read_products"],
      query: (ids) => [METAFIELDS_SET, { metafields: [metafield(ids.product)] }],
      path: ["metafieldsSet"],
      scope: "write_products",
    },
    {
      name: "metafieldsDelete on a customer",
      scopes: ["read_customers"],
      query: (ids) => [METAFIELDS_DELETE, { metafields: [{ ownerId: ids.customer, namespace: "synco", key: "sync" }] }],
      path: ["metafieldsDelete"],
      scope: "write_customers",
    },
  ];

  it.each(refusals)(
    "refuses $name without $scope, as Shopify's ACCESS_DENIED",
    async ({ scopes, query, path, scope }) => {
      const { clients, ids } = await shopWith(scopes, ALL);
      const [narrow, full] = clients;
      const [document, variables] = query(ids);
      const refused = await narrow!(document, variables);
      expect(refused.status).toBe(200);
      expect(refused.body.errors).toEqual([denial(path, scope)]);
      // The same request with every scope is answered.
      const allowed = await full!(document, variables);
      expect(allowed.body.errors).toBeUndefined();
    },
  );

  it("answers what the scopes reach beside what they do not: nodes keeps the product", async () => {
    const { clients, ids } = await shopWith(["read_products"]);
    const result = await clients[0]!<{ nodes: ({ id: string } | null)[] }>(
      `{ nodes(ids: ["${ids.product}", "${ids.recent}"]) { id } }`,
    );
    expect(result.body.data!.nodes).toEqual([{ id: ids.product }, null]);
  });

  it("takes a write scope as granting its read", async () => {
    const { clients, ids } = await shopWith(["write_products", "write_orders"]);
    const result = await clients[0]!<{ products: { nodes: { id: string }[] }; orders: { nodes: { id: string }[] } }>(
      "{ products(first: 5) { nodes { id } } orders(first: 5) { nodes { id } } }",
    );
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data!.products.nodes).toEqual([{ id: ids.product }]);
    expect(result.body.data!.orders.nodes).toEqual([{ id: ids.recent }]);
  });

  it("fails a bulk export that reaches past the scopes with errorCode ACCESS_DENIED", async () => {
    const { clients } = await shopWith(["read_products"]);
    const gql = clients[0]!;
    const started = await gql<{ bulkOperationRunQuery: { bulkOperation: { id: string } } }>(
      `mutation { bulkOperationRunQuery(query: "{ orders { edges { node { id } } } }") { bulkOperation { id } userErrors { message } } }`,
    );
    const done = await waitForBulkOperation(gql, started.body.data!.bulkOperationRunQuery.bulkOperation.id);
    expect(done).toMatchObject({ status: "FAILED", errorCode: "ACCESS_DENIED", url: null });
  });
});

describe("the 60-day order window without read_all_orders", () => {
  const WINDOWED = [...ALL];
  const EVERY = [...ALL, "read_all_orders"];

  it("hides older orders from lists, searches, counts, ids, nodes and a customer's orders", async () => {
    const { clients, ids } = await shopWith(WINDOWED, EVERY);
    const read = `{
      orders(first: 10) { nodes { id } }
      searched: orders(first: 10, query: "created_at:<2100-01-01") { nodes { id } }
      ordersCount { count }
      old: order(id: "${ids.old}") { id }
      nodes(ids: ["${ids.old}", "${ids.recent}"]) { id }
      customer(id: "${ids.customer}") { orders(first: 10) { nodes { id } } }
    }`;
    const windowed = await clients[0]!(read);
    expect(windowed.body.errors).toBeUndefined();
    expect(windowed.body.data).toEqual({
      orders: { nodes: [{ id: ids.recent }] },
      searched: { nodes: [{ id: ids.recent }] },
      ordersCount: { count: 1 },
      old: null,
      nodes: [null, { id: ids.recent }],
      customer: { orders: { nodes: [{ id: ids.recent }] } },
    });
    const every = await clients[1]!(read);
    expect(every.body.data).toEqual({
      orders: { nodes: [{ id: ids.old }, { id: ids.recent }] },
      searched: { nodes: [{ id: ids.old }, { id: ids.recent }] },
      ordersCount: { count: 2 },
      old: { id: ids.old },
      nodes: [{ id: ids.old }, { id: ids.recent }],
      customer: { orders: { nodes: [{ id: ids.old }, { id: ids.recent }] } },
    });
  });

  it("exports only the window's orders in bulk", async () => {
    const { clients, ids } = await shopWith(WINDOWED, EVERY);
    const exported = async (gql: SandboxClient) => {
      const started = await gql<{ bulkOperationRunQuery: { bulkOperation: { id: string } } }>(
        `mutation { bulkOperationRunQuery(query: "{ orders { edges { node { id } } } }") { bulkOperation { id } } }`,
      );
      const done = await waitForBulkOperation(gql, started.body.data!.bulkOperationRunQuery.bulkOperation.id);
      const lines: unknown[] = [];
      if (done.url) for await (const line of readJsonl(done.url)) lines.push(line);
      return lines;
    };
    expect(await exported(clients[0]!)).toEqual([{ id: ids.recent }]);
    expect(await exported(clients[1]!)).toEqual([{ id: ids.old }, { id: ids.recent }]);
  });

  it("treats an older order as missing when writing or deleting its metafields, updating or deleting it", async () => {
    const { clients, ids } = await shopWith(WINDOWED, EVERY);
    const [windowed, every] = clients as [SandboxClient, SandboxClient];
    // Only the token that sees it can give the older order a metafield.
    const set = await windowed<{ metafieldsSet: { userErrors: unknown[] } }>(METAFIELDS_SET, {
      metafields: [metafield(ids.old)],
    });
    expect(set.body.data!.metafieldsSet.userErrors).toEqual([
      { field: ["metafields", "0", "ownerId"], message: "Owner does not exist.", code: "INVALID" },
    ]);
    await every(METAFIELDS_SET, { metafields: [metafield(ids.old), metafield(ids.recent)] });

    const deleted = await windowed<{ metafieldsDelete: { deletedMetafields: unknown[]; userErrors: unknown[] } }>(
      METAFIELDS_DELETE,
      {
        metafields: [ids.old, ids.recent].map((ownerId) => ({ ownerId, namespace: "synco", key: "sync" })),
      },
    );
    expect(deleted.body.data!.metafieldsDelete).toEqual({
      deletedMetafields: [null, { ownerId: ids.recent }],
      userErrors: [],
    });
    // The older order's metafield is still there: a clear with this token would leave it behind.
    const left = await every<{ order: { metafield: { value: string } | null } }>(
      `{ order(id: "${ids.old}") { metafield(namespace: "synco", key: "sync") { value } } }`,
    );
    expect(left.body.data!.order.metafield).toEqual({ value: "{}" });

    const updated = await windowed<{ orderUpdate: { userErrors: unknown[] } }>(
      `mutation { orderUpdate(input: { id: "${ids.old}", note: "n" }) { order { id } userErrors { field message } } }`,
    );
    expect(updated.body.data!.orderUpdate.userErrors).toEqual([{ field: ["id"], message: "Order does not exist" }]);
    const removed = await windowed<{ orderDelete: { deletedId: string | null } }>(
      `mutation { orderDelete(orderId: "${ids.old}") { deletedId userErrors { message } } }`,
    );
    expect(removed.body.data!.orderDelete.deletedId).toBeNull();
    const still = await every<{ order: { id: string } | null }>(`{ order(id: "${ids.old}") { id } }`);
    expect(still.body.data!.order).toEqual({ id: ids.old });
  });
});
