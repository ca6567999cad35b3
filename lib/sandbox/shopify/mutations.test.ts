import { afterEach, describe, expect, it } from "vitest";
import { subscribeToSandboxChanges, type SandboxChange } from "./on-sandbox-change";
import { seedSmallStore } from "./seed-small-store";
import { toGid } from "./gid";
import { sandboxClient, startSandboxServerForTests } from "./testing/sandbox-client";

const baseUrl = startSandboxServerForTests();

let unsubscribe: (() => void) | undefined;
afterEach(() => unsubscribe?.());

async function freshStore() {
  const store = await seedSmallStore({ products: 1, customers: 1, orders: 0, throttleEnabled: false });
  return { store, gql: sandboxClient(baseUrl(), store.shop.domain, store.accessToken) };
}

describe("resource mutations", () => {
  it("creates, updates and deletes a product, announcing each change once it is written", async () => {
    const { store, gql } = await freshStore();
    const changes: Omit<SandboxChange, "tx">[] = [];
    unsubscribe = subscribeToSandboxChanges(({ shopId, topic, payload }) => {
      if (shopId === store.shop.id) changes.push({ shopId, topic, payload });
    });
    const created = await gql<{
      productCreate: {
        product: { id: string; handle: string; variants: { nodes: { title: string; price: string }[] } };
        userErrors: unknown[];
      };
    }>(
      `#graphql
      mutation Create($product: ProductCreateInput!) {
        productCreate(product: $product) { product { id handle variants(first: 5) { nodes { title price } } } userErrors { field message } }
      }`,
      {
        product: {
          title: "Product 1",
          metafields: [{ namespace: "synco", key: "odoo_id", type: "single_line_text_field", value: "9" }],
        },
      },
    );
    const product = created.body.data!.productCreate.product;
    // The seeded store already has "Product 1", so the handle gets a suffix, as on Shopify.
    expect(product).toMatchObject({
      handle: "product-1-1",
      variants: { nodes: [{ title: "Default Title", price: "0.00" }] },
    });

    const updated = await gql<{
      productUpdate: {
        product: { title: string; status: string; metafield: { value: string } };
        userErrors: unknown[];
      };
    }>(
      `#graphql
      mutation Update($product: ProductUpdateInput!) {
        productUpdate(product: $product) { product { title status metafield(namespace: "synco", key: "odoo_id") { value } } userErrors { field message } }
      }`,
      { product: { id: product.id, title: "Renamed", status: "DRAFT" } },
    );
    expect(updated.body.data!.productUpdate).toEqual({
      product: { title: "Renamed", status: "DRAFT", metafield: { value: "9" } },
      userErrors: [],
    });

    const DELETE = `#graphql
      mutation Delete($id: ID!) { productDelete(input: { id: $id }) { deletedProductId userErrors { field message } } }`;
    expect((await gql(DELETE, { id: product.id })).body.data).toEqual({
      productDelete: { deletedProductId: product.id, userErrors: [] },
    });
    expect((await gql(DELETE, { id: product.id })).body.data).toEqual({
      productDelete: { deletedProductId: null, userErrors: [{ field: ["id"], message: "Product does not exist" }] },
    });
    expect(changes.map((change) => change.topic)).toEqual(["products/create", "products/update", "products/delete"]);
    expect(changes[0]!.payload).toMatchObject({ admin_graphql_api_id: product.id, title: "Product 1" });
  });

  it("gives concurrent creates of the same title distinct handles", async () => {
    const { gql } = await freshStore();
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        gql<{ productCreate: { product: { handle: string } } }>(`#graphql
          mutation { productCreate(product: { title: "Twin" }) { product { handle } userErrors { message } } }`),
      ),
    );
    const handles = results.map((result) => result.body.data!.productCreate.product.handle);
    expect(new Set(handles)).toEqual(new Set(["twin", "twin-1", "twin-2", "twin-3", "twin-4", "twin-5"]));
  });

  it("rolls the whole mutation back when its metafields are invalid", async () => {
    const { store, gql } = await freshStore();
    const created = await gql<{ productCreate: { product: null; userErrors: { field: string[] }[] } }>(
      `#graphql
      mutation Create($product: ProductCreateInput!) { productCreate(product: $product) { product { id } userErrors { field message } } }`,
      {
        product: {
          title: "Half made",
          metafields: [{ namespace: "synco", key: "count", type: "number_integer", value: "NaN" }],
        },
      },
    );
    expect(created.body.data!.productCreate).toEqual({
      product: null,
      userErrors: [{ field: ["metafields", "0", "value"], message: "Value must be an integer." }],
    });
    const count = await gql<{ productsCount: { count: number } }>(`#graphql
      query { productsCount { count } }`);
    expect(count.body.data!.productsCount.count).toBe(store.products.length);
  });

  it("creates and updates customers with Shopify's validation", async () => {
    const { store, gql } = await freshStore();
    const CREATE = `#graphql
      mutation Create($input: CustomerInput!) { customerCreate(input: $input) { customer { id email displayName } userErrors { field message } } }`;
    const created = await gql<{ customerCreate: { customer: { id: string; email: string; displayName: string } } }>(
      CREATE,
      {
        input: { email: "New@Example.com", firstName: "Ada", lastName: "Lovelace" },
      },
    );
    expect(created.body.data!.customerCreate.customer).toMatchObject({
      email: "new@example.com",
      displayName: "Ada Lovelace",
    });
    expect((await gql(CREATE, { input: { email: store.customers[0]!.email } })).body.data).toEqual({
      customerCreate: { customer: null, userErrors: [{ field: ["email"], message: "Email has already been taken" }] },
    });
    expect((await gql(CREATE, { input: { note: "nobody" } })).body.data).toEqual({
      customerCreate: {
        customer: null,
        userErrors: [{ field: null, message: "A name, phone number, or email address must be present" }],
      },
    });
    const updated = await gql(
      `#graphql
      mutation Update($input: CustomerInput!) { customerUpdate(input: $input) { customer { firstName } userErrors { field message } } }`,
      { input: { id: created.body.data!.customerCreate.customer.id, firstName: "Augusta" } },
    );
    expect(updated.body.data).toEqual({ customerUpdate: { customer: { firstName: "Augusta" }, userErrors: [] } });
  });

  it("creates orders numbered per shop, priced from their variants, with the customer attached", async () => {
    const { store, gql } = await freshStore();
    const variant = store.products[0]!.variants[1]!;
    const ORDER_CREATE = `#graphql
      mutation OrderCreate($order: OrderCreateOrderInput!) {
        orderCreate(order: $order) {
          order {
            name email customer { id }
            totalPriceSet { shopMoney { amount currencyCode } }
            lineItems(first: 5) { nodes { title sku quantity originalTotalSet { shopMoney { amount } } } }
          }
          userErrors { field message code }
        }
      }`;
    const { body } = await gql(ORDER_CREATE, {
      order: {
        customer: { toAssociate: { id: toGid("Customer", store.customers[0]!.id) } },
        lineItems: [
          { variantId: toGid("ProductVariant", variant.id), quantity: 2 },
          { title: "Gift wrap", quantity: 1, priceSet: { shopMoney: { amount: "2.50", currencyCode: "USD" } } },
        ],
      },
    });
    expect(body.data).toEqual({
      orderCreate: {
        order: {
          name: "#1001",
          email: store.customers[0]!.email,
          customer: { id: toGid("Customer", store.customers[0]!.id) },
          totalPriceSet: { shopMoney: { amount: "24.5", currencyCode: "USD" } },
          lineItems: {
            nodes: [
              {
                title: "Product 1",
                sku: variant.sku,
                quantity: 2,
                originalTotalSet: { shopMoney: { amount: "22.0" } },
              },
              { title: "Gift wrap", sku: null, quantity: 1, originalTotalSet: { shopMoney: { amount: "2.5" } } },
            ],
          },
        },
        userErrors: [],
      },
    });
    const invalid = await gql(ORDER_CREATE, {
      order: { lineItems: [{ variantId: toGid("ProductVariant", 999_999_999), quantity: 1 }] },
    });
    expect(invalid.body.data).toEqual({
      orderCreate: {
        order: null,
        userErrors: [
          { field: ["order", "lineItems", "0", "variantId"], message: "Variant does not exist", code: "INVALID" },
        ],
      },
    });
  });
});
