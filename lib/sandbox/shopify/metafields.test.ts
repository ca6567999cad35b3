import { beforeAll, describe, expect, it } from "vitest";
import { toGid } from "./gid";
import { installSandboxApp } from "./install-sandbox-app";
import { setSandboxShopLimits } from "./set-sandbox-shop-limits";
import { seedSmallStore, type SeededSmallStore } from "./seed-small-store";
import { sandboxClient, startSandboxServerForTests, type SandboxClient } from "./testing/sandbox-client";

const baseUrl = startSandboxServerForTests();

const SET = `#graphql
  mutation Set($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      metafields { id namespace key type value jsonValue compareDigest ownerType owner { ... on Product { id } ... on Order { id } } }
      userErrors { field message code elementIndex }
    }
  }`;
const DELETE = `#graphql
  mutation Delete($metafields: [MetafieldIdentifierInput!]!) {
    metafieldsDelete(metafields: $metafields) { deletedMetafields { ownerId namespace key } userErrors { field message } }
  }`;
const PRODUCT_METAFIELDS = `#graphql
  query ProductMetafields($id: ID!, $namespace: String) {
    product(id: $id) { metafields(first: 50, namespace: $namespace) { nodes { namespace key value } } }
  }`;

type SetResult = {
  metafieldsSet: {
    metafields: {
      id: string;
      namespace: string;
      key: string;
      value: string;
      jsonValue: unknown;
      compareDigest: string;
    }[];
    userErrors: unknown[];
  };
};
type ListResult = { product: { metafields: { nodes: { namespace: string; key: string; value: string }[] } } };

describe("metafieldsSet and metafieldsDelete", () => {
  let store: SeededSmallStore;
  let gql: SandboxClient;
  let product: string;
  let order: string;
  const list = async (id: string, namespace?: string, client = gql) =>
    (await client<ListResult>(PRODUCT_METAFIELDS, { id, namespace })).body.data!.product.metafields.nodes;

  beforeAll(async () => {
    store = await seedSmallStore({ products: 3, customers: 2, orders: 2, throttleEnabled: false });
    gql = sandboxClient(baseUrl(), store.shop.domain, store.accessToken);
    product = toGid("Product", store.products[0]!.product.id);
    order = toGid("Order", store.orders[0]!.order.id);
  });

  it("sets values, then updates them in place, and reads them back typed", async () => {
    const first = await gql<SetResult>(SET, {
      metafields: [
        { ownerId: product, namespace: "synco", key: "odoo_id", type: "number_integer", value: "42" },
        { ownerId: product, namespace: "synco", key: "payload", type: "json", value: '{"a":[1,2]}' },
        { ownerId: order, namespace: "synco", key: "status", type: "single_line_text_field", value: "synced" },
      ],
    });
    expect(first.body.data!.metafieldsSet.userErrors).toEqual([]);
    expect(first.body.data!.metafieldsSet.metafields.map((m) => [m.key, m.jsonValue])).toEqual([
      ["odoo_id", 42],
      ["payload", { a: [1, 2] }],
      ["status", "synced"],
    ]);
    const again = await gql<SetResult>(SET, {
      metafields: [{ ownerId: product, namespace: "synco", key: "odoo_id", type: "number_integer", value: "43" }],
    });
    expect(again.body.data!.metafieldsSet.metafields[0]!.id).toBe(first.body.data!.metafieldsSet.metafields[0]!.id);
    expect(await list(product, "synco")).toEqual([
      { namespace: "synco", key: "odoo_id", value: "43" },
      { namespace: "synco", key: "payload", value: '{"a":[1,2]}' },
    ]);
  });

  it("rejects more than 25 at once and writes none of them", async () => {
    const owner = toGid("Product", store.products[1]!.product.id);
    const metafields = Array.from({ length: 26 }, (_, i) => ({
      ownerId: owner,
      namespace: "bulk",
      key: `key_${i}`,
      type: "single_line_text_field",
      value: "x",
    }));
    const { body } = await gql<SetResult>(SET, { metafields });
    expect(body.data!.metafieldsSet).toEqual({
      metafields: [],
      userErrors: [
        {
          field: ["metafields"],
          message: "Exceeded the maximum metafields input limit of 25.",
          code: "LESS_THAN_OR_EQUAL_TO",
          elementIndex: null,
        },
      ],
    });
    expect(await list(owner, "bulk")).toEqual([]);
  });

  it("is atomic: one bad element (type, JSON, owner, namespace) rejects the whole call", async () => {
    const owner = toGid("Product", store.products[2]!.product.id);
    const ok = { ownerId: owner, namespace: "atomic", key: "fine", type: "single_line_text_field", value: "kept?" };
    const { body } = await gql<SetResult>(SET, {
      metafields: [
        ok,
        { ownerId: owner, namespace: "atomic", key: "count", type: "number_integer", value: "many" },
        { ownerId: owner, namespace: "atomic", key: "doc", type: "json", value: "{nope" },
        { ownerId: owner, namespace: "atomic", key: "odd", type: "no_such_type", value: "x" },
        {
          ownerId: toGid("Product", 999_999_999),
          namespace: "atomic",
          key: "gone",
          type: "single_line_text_field",
          value: "x",
        },
        { ownerId: owner, namespace: "ab", key: "short", type: "single_line_text_field", value: "x" },
      ],
    });
    const { metafields, userErrors } = body.data!.metafieldsSet;
    expect(metafields).toEqual([]);
    expect(userErrors).toEqual([
      {
        field: ["metafields", "1", "value"],
        message: "Value must be an integer.",
        code: "INVALID_VALUE",
        elementIndex: null,
      },
      {
        field: ["metafields", "2", "value"],
        message: expect.stringMatching(/^Value is invalid JSON/),
        code: "INVALID_VALUE",
        elementIndex: null,
      },
      { field: ["metafields", "3", "type"], message: expect.any(String), code: "INVALID_TYPE", elementIndex: null },
      { field: ["metafields", "4", "ownerId"], message: expect.any(String), code: "INVALID", elementIndex: null },
      {
        field: ["metafields", "5", "namespace"],
        message: "Namespace is too short (minimum is 3 characters)",
        code: "TOO_SHORT",
        elementIndex: null,
      },
    ]);
    expect(await list(owner, "atomic")).toEqual([]);
  });

  it("names each failing element in its field path with elementIndex null, as Shopify does, and writes none", async () => {
    const owner = toGid("Product", store.products[1]!.product.id);
    // Messages and codes as captured from the real API (2025-01).
    const element = (namespace: string, type = "single_line_text_field", value = "x") => ({
      ownerId: owner,
      namespace,
      key: "title",
      type,
      value,
    });
    const { body } = await gql<SetResult>(SET, {
      metafields: [
        element("elements"),
        element("shopify_standard"),
        element("elements", "number_integer", "not a number"),
        element("protected"),
        element("shopify-l10n-fields"),
      ],
    });
    expect(body.data!.metafieldsSet).toEqual({
      metafields: [],
      userErrors: [
        {
          field: ["metafields", "1", "namespace"],
          message: "Namespace shopify_standard is a reserved namespace",
          code: null,
          elementIndex: null,
        },
        {
          field: ["metafields", "2", "value"],
          message: "Value must be an integer.",
          code: "INVALID_VALUE",
          elementIndex: null,
        },
        {
          field: ["metafields", "3", "namespace"],
          message: "Namespace protected is a reserved namespace",
          code: null,
          elementIndex: null,
        },
        {
          field: ["metafields", "4", "namespace"],
          message: "Namespace shopify-l10n-fields is a reserved namespace",
          code: null,
          elementIndex: null,
        },
      ],
    });
    expect(await list(owner, "elements")).toEqual([]);
  });

  it("refuses a stale compareDigest", async () => {
    const owner = toGid("Product", store.products[2]!.product.id);
    const input = { ownerId: owner, namespace: "digest", key: "value", type: "single_line_text_field" };
    const created = await gql<SetResult>(SET, { metafields: [{ ...input, value: "one", compareDigest: null }] });
    const digest = created.body.data!.metafieldsSet.metafields[0]!.compareDigest;
    const updated = await gql<SetResult>(SET, { metafields: [{ ...input, value: "two", compareDigest: digest }] });
    expect(updated.body.data!.metafieldsSet.userErrors).toEqual([]);
    const stale = await gql<SetResult>(SET, { metafields: [{ ...input, value: "three", compareDigest: digest }] });
    expect(stale.body.data!.metafieldsSet.userErrors).toEqual([expect.objectContaining({ code: "STALE_OBJECT" })]);
    expect(await list(owner, "digest")).toEqual([{ namespace: "digest", key: "value", value: "two" }]);
  });

  it("deletes what exists, answers null for what does not, and takes up to 250 (25 on a shop set so)", async () => {
    const owner = toGid("Customer", store.customers[0]!.id);
    await gql(SET, {
      metafields: [{ ownerId: owner, namespace: "synco", key: "odoo_id", type: "single_line_text_field", value: "7" }],
    });
    const { body } = await gql<{ metafieldsDelete: unknown }>(DELETE, {
      metafields: [
        { ownerId: owner, namespace: "synco", key: "odoo_id" },
        { ownerId: owner, namespace: "synco", key: "never_set" },
        { ownerId: toGid("Customer", 999_999_999), namespace: "synco", key: "odoo_id" },
      ],
    });
    expect(body.data!.metafieldsDelete).toEqual({
      deletedMetafields: [{ ownerId: owner, namespace: "synco", key: "odoo_id" }, null, null],
      userErrors: [],
    });
    const identifiers = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ ownerId: owner, namespace: "synco", key: `k${i}` }));
    const full = await gql<{ metafieldsDelete: { deletedMetafields: unknown[]; userErrors: unknown[] } }>(DELETE, {
      metafields: identifiers(250),
    });
    expect(full.body.data!.metafieldsDelete.userErrors).toEqual([]);
    expect(full.body.data!.metafieldsDelete.deletedMetafields).toHaveLength(250);
    // A shop that refuses the larger call (the 2024-04 limit) names its limit.
    await setSandboxShopLimits({ shopId: store.shop.id, metafieldsDeleteLimit: 25 });
    const refused = await gql<{ metafieldsDelete: unknown }>(DELETE, { metafields: identifiers(26) });
    expect(refused.body.data!.metafieldsDelete).toEqual({
      deletedMetafields: [],
      userErrors: [{ field: ["metafields"], message: "Exceeded the maximum metafields input limit of 25." }],
    });
    const accepted = await gql<{ metafieldsDelete: { userErrors: unknown[] } }>(DELETE, {
      metafields: identifiers(25),
    });
    expect(accepted.body.data!.metafieldsDelete.userErrors).toEqual([]);
    await setSandboxShopLimits({ shopId: store.shop.id, metafieldsDeleteLimit: 250 });
  });

  it("never touches another shop's metafields", async () => {
    const other = await seedSmallStore({ products: 1, customers: 0, orders: 0, throttleEnabled: false });
    const otherGql = sandboxClient(baseUrl(), other.shop.domain, other.accessToken);
    const foreign = toGid("Product", other.products[0]!.product.id);
    await otherGql(SET, {
      metafields: [
        { ownerId: foreign, namespace: "synco", key: "odoo_id", type: "single_line_text_field", value: "1" },
      ],
    });
    const write = await gql<SetResult>(SET, {
      metafields: [
        { ownerId: foreign, namespace: "synco", key: "odoo_id", type: "single_line_text_field", value: "2" },
      ],
    });
    expect(write.body.data!.metafieldsSet.userErrors).toEqual([
      expect.objectContaining({ field: ["metafields", "0", "ownerId"] }),
    ]);
    const removal = await gql<{ metafieldsDelete: { deletedMetafields: unknown[] } }>(DELETE, {
      metafields: [{ ownerId: foreign, namespace: "synco", key: "odoo_id" }],
    });
    expect(removal.body.data!.metafieldsDelete.deletedMetafields).toEqual([null]);
    expect(await list(foreign, "synco", otherGql)).toEqual([{ namespace: "synco", key: "odoo_id", value: "1" }]);
  });
});

describe("$app namespaces and metafield definitions", () => {
  it("resolves $app per app, keeps it private from other apps, and deletes values with their definition", async () => {
    const store = await seedSmallStore({ products: 2, customers: 0, orders: 0, throttleEnabled: false });
    const gql = sandboxClient(baseUrl(), store.shop.domain, store.accessToken);
    const otherApp = await installSandboxApp({ shopId: store.shop.id, app: { id: 4_242, handle: "other-app" } });
    const otherGql = sandboxClient(baseUrl(), store.shop.domain, otherApp.accessToken);
    const appId = store.installation.appId;
    const [first, second] = store.products.map(({ product }) => toGid("Product", product.id));

    const definition = await gql<{
      metafieldDefinitionCreate: {
        createdDefinition: { namespace: string; type: { name: string } };
        userErrors: unknown[];
      };
    }>(
      `#graphql
      mutation Define($definition: MetafieldDefinitionInput!) {
        metafieldDefinitionCreate(definition: $definition) { createdDefinition { id namespace key type { name } } userErrors { field message code } }
      }`,
      {
        definition: {
          name: "Odoo id",
          namespace: "$app:sync",
          key: "odoo_id",
          type: "single_line_text_field",
          ownerType: "PRODUCT",
        },
      },
    );
    expect(definition.body.data!.metafieldDefinitionCreate).toMatchObject({
      createdDefinition: { namespace: `app--${appId}--sync`, type: { name: "single_line_text_field" } },
      userErrors: [],
    });

    // With a definition the type may be left out; a different one is refused.
    const set = await gql<SetResult>(SET, {
      metafields: [
        { ownerId: first, namespace: "$app:sync", key: "odoo_id", value: "101" },
        { ownerId: second, namespace: "$app:sync", key: "odoo_id", value: "102" },
        { ownerId: first, key: "plain_app_key", type: "boolean", value: "true" },
      ],
    });
    expect(set.body.data!.metafieldsSet.userErrors).toEqual([]);
    expect(set.body.data!.metafieldsSet.metafields.map((m) => m.namespace)).toEqual([
      `app--${appId}--sync`,
      `app--${appId}--sync`,
      `app--${appId}`,
    ]);
    const wrongType = await gql<SetResult>(SET, {
      metafields: [{ ownerId: first, namespace: "$app:sync", key: "odoo_id", type: "number_integer", value: "5" }],
    });
    expect(wrongType.body.data!.metafieldsSet.userErrors).toEqual([expect.objectContaining({ code: "INVALID_TYPE" })]);

    const read = await gql<{ product: { sync: { value: string } | null } }>(
      `#graphql
      query Read($id: ID!) { product(id: $id) { sync: metafield(namespace: "$app:sync", key: "odoo_id") { value } } }`,
      { id: first },
    );
    expect(read.body.data!.product.sync).toEqual({ value: "101" });

    // Another app sees none of it, cannot write it and cannot delete it.
    const peek = await otherGql<{ product: { metafield: unknown; metafields: { nodes: unknown[] } } }>(
      `#graphql
      query Peek($id: ID!, $namespace: String!) {
        product(id: $id) { metafield(namespace: $namespace, key: "odoo_id") { value } metafields(first: 10) { nodes { namespace } } }
      }`,
      { id: first, namespace: `app--${appId}--sync` },
    );
    expect(peek.body.data!.product).toEqual({ metafield: null, metafields: { nodes: [] } });
    const intrude = await otherGql<SetResult>(SET, {
      metafields: [
        {
          ownerId: first,
          namespace: `app--${appId}--sync`,
          key: "odoo_id",
          type: "single_line_text_field",
          value: "x",
        },
      ],
    });
    expect(intrude.body.data!.metafieldsSet.userErrors).toEqual([
      expect.objectContaining({ code: "APP_NOT_AUTHORIZED", field: ["metafields", "0"] }),
    ]);
    const erase = await otherGql<{ metafieldsDelete: { deletedMetafields: unknown[]; userErrors: unknown[] } }>(
      DELETE,
      {
        metafields: [{ ownerId: first, namespace: `app--${appId}--sync`, key: "odoo_id" }],
      },
    );
    expect(erase.body.data!.metafieldsDelete.userErrors).toHaveLength(1);
    const definitions = await otherGql<{ metafieldDefinitions: { nodes: unknown[] } }>(`#graphql
      query { metafieldDefinitions(first: 10, ownerType: PRODUCT) { nodes { namespace key } } }`);
    expect(definitions.body.data!.metafieldDefinitions.nodes).toEqual([]);

    const DELETE_DEFINITION = `#graphql
      mutation Undefine($identifier: MetafieldDefinitionIdentifierInput!, $all: Boolean) {
        metafieldDefinitionDelete(identifier: $identifier, deleteAllAssociatedMetafields: $all) {
          deletedDefinition { namespace key ownerType } userErrors { field message code }
        }
      }`;
    const identifier = { ownerType: "PRODUCT", namespace: "$app:sync", key: "odoo_id" };
    const orphaning = await gql<{ metafieldDefinitionDelete: { userErrors: unknown[] } }>(DELETE_DEFINITION, {
      identifier,
      all: false,
    });
    expect(orphaning.body.data!.metafieldDefinitionDelete.userErrors).toEqual([
      expect.objectContaining({ code: "RESERVED_NAMESPACE_ORPHANED_METAFIELDS" }),
    ]);
    const removed = await gql<{ metafieldDefinitionDelete: unknown }>(DELETE_DEFINITION, { identifier, all: true });
    expect(removed.body.data!.metafieldDefinitionDelete).toEqual({
      deletedDefinition: { namespace: `app--${appId}--sync`, key: "odoo_id", ownerType: "PRODUCT" },
      userErrors: [],
    });
    const left = await gql<ListResult>(PRODUCT_METAFIELDS, { id: first });
    expect(left.body.data!.product.metafields.nodes).toEqual([
      { namespace: `app--${appId}`, key: "plain_app_key", value: "true" },
    ]);
  });
});
