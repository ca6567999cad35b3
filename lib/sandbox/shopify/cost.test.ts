import { beforeAll, describe, expect, it } from "vitest";
import { toGid } from "./gid";
import { seedSmallStore, type SeededSmallStore } from "./seed-small-store";
import { sandboxClient, startSandboxServerForTests, type SandboxClient } from "./testing/sandbox-client";

const baseUrl = startSandboxServerForTests();

describe("query cost", () => {
  let store: SeededSmallStore;
  let gql: SandboxClient;
  beforeAll(async () => {
    store = await seedSmallStore({
      products: 3,
      variantsPerProduct: 2,
      customers: 2,
      orders: 2,
      throttleEnabled: false,
    });
    gql = sandboxClient(baseUrl(), store.shop.domain, store.accessToken);
  });
  const costOf = async (query: string, variables?: Record<string, unknown>) => {
    const { body } = await gql(query, variables);
    expect(body.errors).toBeUndefined();
    const { requestedQueryCost, actualQueryCost } = body.extensions!.cost;
    return [requestedQueryCost, actualQueryCost];
  };
  const product = () => toGid("Product", store.products[0]!.product.id);

  it("prices objects at 1 and scalars at 0", async () => {
    expect(
      await costOf(`#graphql
      query { shop { name currencyCode plan { publicDisplayName } } }`),
    ).toEqual([2, 2]);
  });

  it("prices a connection at 2 + page size × node, and charges only what came back", async () => {
    expect(
      await costOf(`#graphql
      query { products(first: 10) { edges { cursor node { id title } } pageInfo { hasNextPage } } }`),
    ).toEqual([12, 5]);
    expect(
      await costOf(
        `#graphql
      query Product($id: ID!) {
        product(id: $id) { id metafield(namespace: "none", key: "none") { value } variants(first: 5) { nodes { id sku } } }
      }`,
        { id: product() },
      ),
    ).toEqual([9, 6]);
    expect(
      await costOf(`#graphql
      query { orders(first: 50) { nodes { id customer { id } lineItems(first: 10) { nodes { sku } } } } }`),
    ).toEqual([702, 2 + 2 * (1 + 1 + 2 + 1)]);
  });

  it("prices nodes(ids:) per id and an interface by its most expensive type", async () => {
    const ids = store.products.map(({ product: row }) => toGid("Product", row.id));
    expect(
      await costOf(
        `#graphql
      query Nodes($ids: [ID!]!) { nodes(ids: $ids) { id ... on Product { title variants(first: 2) { nodes { id } } } } }`,
        { ids },
      ),
    ).toEqual([15, 15]);
  });

  it("prices mutations at 10, metafieldsSet at 10 plus a weight per distinct owner", async () => {
    const customer = toGid("Customer", store.customers[0]!.id);
    const set = await costOf(
      `#graphql
      mutation Set($metafields: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $metafields) { metafields { id } userErrors { field } } }`,
      {
        metafields: [
          { ownerId: product(), namespace: "cost", key: "a", type: "single_line_text_field", value: "1" },
          { ownerId: product(), namespace: "cost", key: "b", type: "single_line_text_field", value: "2" },
          { ownerId: customer, namespace: "cost", key: "a", type: "single_line_text_field", value: "3" },
        ],
      },
    );
    expect(set).toEqual([10 + 4 + 1, 10 + 4 + 1]);
    expect(
      await costOf(
        `#graphql
      mutation Delete($metafields: [MetafieldIdentifierInput!]!) { metafieldsDelete(metafields: $metafields) { deletedMetafields { key } userErrors { field } } }`,
        {
          metafields: [{ ownerId: product(), namespace: "cost", key: "a" }],
        },
      ),
    ).toEqual([10, 10]);
    // The payload object is part of the 10; what is nested deeper is priced as usual.
    expect(
      await costOf(`#graphql
      mutation Create { productCreate(product: { title: "Costed" }) { product { id variants(first: 1) { nodes { id } } } userErrors { field } } }`),
    ).toEqual([13, 13]);
  });

  it("refuses a query above 1000 points without running it", async () => {
    const { body } = await gql(`#graphql
      query { products(first: 250) { nodes { id variants(first: 250) { nodes { id } } } } }`);
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/^Query cost is 63252, which exceeds the single query max cost limit \(1000\)/),
        extensions: expect.objectContaining({ code: "MAX_COST_EXCEEDED", cost: 63252, maxCost: 1000 }),
      }),
    ]);
    expect(body.extensions!.cost).toMatchObject({ requestedQueryCost: 63252, actualQueryCost: null });
  });
});

describe("input lists over 250 items", () => {
  // Shopify's shape, from a captured fileCreate with 251 files: no data, the requested cost taken.
  const tooLarge = (size: number, path: (string | number)[], document: string) => ({
    message: `The input array size of ${size} is greater than the maximum allowed of 250.`,
    locations: [locationOf(document, `${path[0]}(`)],
    path,
    extensions: { code: "MAX_INPUT_SIZE_EXCEEDED" },
  });
  const locationOf = (document: string, text: string) => {
    const lines = document.split("\n");
    const line = lines.findIndex((row) => row.includes(text));
    return { line: line + 1, column: lines[line]!.indexOf(text) + 1 };
  };
  const NODES = `#graphql
    query Nodes($ids: [ID!]!) {
      nodes(ids: $ids) { id }
    }`;
  const ids = (count: number) => Array.from({ length: count }, (_, i) => toGid("Product", 900_000_000 + i));

  it("refuses 251 ids to nodes with MAX_INPUT_SIZE_EXCEEDED, charging the requested cost, and answers 250", async () => {
    const store = await seedSmallStore({ products: 0, customers: 0, orders: 0 });
    const gql = sandboxClient(baseUrl(), store.shop.domain, store.accessToken);
    const refused = await gql(NODES, { ids: ids(251) });
    expect(refused.status).toBe(200);
    expect("data" in refused.body).toBe(false);
    expect(refused.body.errors).toEqual([tooLarge(251, ["nodes", "ids"], NODES)]);
    expect(refused.body.extensions!.cost).toEqual({
      requestedQueryCost: 251,
      actualQueryCost: null,
      throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 2000 - 251, restoreRate: 100 },
    });

    const answered = await gql<{ nodes: unknown[] }>(NODES, { ids: ids(250) });
    expect(answered.body.errors).toBeUndefined();
    expect(answered.body.data!.nodes).toHaveLength(250);
  });

  it("checks lists inside input objects and runs nothing; metafieldsSet's own 25 limit applies below 251", async () => {
    const store = await seedSmallStore({ products: 1, customers: 0, orders: 0, throttleEnabled: false });
    const gql = sandboxClient(baseUrl(), store.shop.domain, store.accessToken);
    const tags = Array.from({ length: 251 }, (_, i) => `tag-${i}`);
    const CREATE = `#graphql
      mutation Create($product: ProductCreateInput) { productCreate(product: $product) { product { id } userErrors { field message } } }`;
    const created = await gql(CREATE, { product: { title: "Too many tags", tags } });
    expect("data" in created.body).toBe(false);
    expect(created.body.errors).toEqual([tooLarge(251, ["productCreate", "product", "tags"], CREATE)]);
    const count = await gql<{ productsCount: { count: number } }>(`#graphql
      query { productsCount { count } }`);
    expect(count.body.data!.productsCount.count).toBe(1);

    const owner = toGid("Product", store.products[0]!.product.id);
    const metafields = (count: number) =>
      Array.from({ length: count }, (_, i) => ({
        ownerId: owner,
        namespace: "sizes",
        key: `key_${i}`,
        type: "single_line_text_field",
        value: "x",
      }));
    const SET = `#graphql
      mutation Set($metafields: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $metafields) { userErrors { field code } } }`;
    expect((await gql(SET, { metafields: metafields(251) })).body.errors).toEqual([
      tooLarge(251, ["metafieldsSet", "metafields"], SET),
    ]);
    expect((await gql(SET, { metafields: metafields(250) })).body.data).toEqual({
      metafieldsSet: { userErrors: [{ field: ["metafields"], code: "LESS_THAN_OR_EQUAL_TO" }] },
    });
  });
});
