import { createHmac } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { sandboxShopifyWebhookDeliveries as deliveries } from "@/db/schema/sandbox-shopify-webhooks";
import { setSandboxFaults } from "./faults/set-sandbox-faults";
import { toGid } from "./gid";
import { defaultSandboxDb as db } from "./sandbox-db";
import { seedSmallStore } from "./seed-small-store";
import { waitForBulkOperation } from "./testing/bulk-client";
import { sandboxClient, startSandboxServerForTests } from "./testing/sandbox-client";
import { startWebhookReceiver, type WebhookReceiver } from "./testing/webhook-receiver";
import { uninstallSandboxApp } from "./uninstall-sandbox-app";

const baseUrl = startSandboxServerForTests();

const SUBSCRIBE = `#graphql
  mutation Subscribe($topic: WebhookSubscriptionTopic!, $uri: String!) {
    webhookSubscriptionCreate(topic: $topic, webhookSubscription: { uri: $uri, format: JSON }) {
      webhookSubscription { id topic uri format apiVersion { handle } includeFields }
      userErrors { field message }
    }
  }`;
const LIST = `#graphql
  query Subscriptions { webhookSubscriptions(first: 10) { nodes { id topic uri } } }`;
const UNSUBSCRIBE = `#graphql
  mutation Unsubscribe($id: ID!) { webhookSubscriptionDelete(id: $id) { deletedWebhookSubscriptionId userErrors { field message } } }`;
const CREATE_PRODUCT = `#graphql
  mutation CreateProduct($product: ProductCreateInput!) { productCreate(product: $product) { product { id } userErrors { field message } } }`;
const CREATE_CUSTOMER = `#graphql
  mutation CreateCustomer($input: CustomerInput!) { customerCreate(input: $input) { customer { id } userErrors { field message } } }`;

type SubscribeResult = {
  webhookSubscriptionCreate: {
    webhookSubscription: { id: string } | null;
    userErrors: { field: string[]; message: string }[];
  };
};

let receivers: WebhookReceiver[] = [];
afterEach(async () => {
  await Promise.all(receivers.map((receiver) => receiver.close()));
  receivers = [];
});

async function setup(statuses: number[] = [], webhooks: { retryDelaysMs?: number[]; duplicateRate?: number } = {}) {
  const store = await seedSmallStore({ products: 1, customers: 1, orders: 1, throttleEnabled: false });
  await setSandboxFaults({
    shopId: store.shop.id,
    faults: { webhooks: { retryDelaysMs: [50, 50, 50], duplicateRate: 0, ...webhooks } },
  });
  const receiver = await startWebhookReceiver({ statuses });
  receivers.push(receiver);
  const gql = sandboxClient(baseUrl(), store.shop.domain, store.accessToken);
  const subscribe = async (topic: string, uri = receiver.url) =>
    (await gql<SubscribeResult>(SUBSCRIBE, { topic, uri })).body.data!.webhookSubscriptionCreate;
  return { store, receiver, gql, subscribe };
}

describe("webhook subscriptions", () => {
  it("creates, lists and deletes subscriptions, refusing a taken address and plain HTTP to another host", async () => {
    const { gql, subscribe, receiver } = await setup();
    const created = await subscribe("PRODUCTS_CREATE");
    expect(created.userErrors).toEqual([]);
    expect((await subscribe("PRODUCTS_CREATE")).userErrors).toEqual([
      { field: ["webhookSubscription", "uri"], message: "Address for this topic has already been taken" },
    ]);
    expect((await subscribe("PRODUCTS_UPDATE", "http://example.com/hooks")).userErrors[0]!.message).toBe(
      "Address protocol http:// is not supported",
    );
    expect(
      (await gql<{ webhookSubscriptions: { nodes: unknown[] } }>(LIST)).body.data!.webhookSubscriptions.nodes,
    ).toEqual([{ id: created.webhookSubscription!.id, topic: "PRODUCTS_CREATE", uri: receiver.url }]);
    const deleted = await gql(UNSUBSCRIBE, { id: created.webhookSubscription!.id });
    expect(deleted.body.data).toEqual({
      webhookSubscriptionDelete: { deletedWebhookSubscriptionId: created.webhookSubscription!.id, userErrors: [] },
    });
    expect(
      (await gql<{ webhookSubscriptions: { nodes: unknown[] } }>(LIST)).body.data!.webhookSubscriptions.nodes,
    ).toEqual([]);
  });
});

describe("webhook deliveries", () => {
  it("posts products/create with Shopify's headers and an HMAC of the raw body made with the app's secret", async () => {
    const { store, receiver, gql, subscribe } = await setup();
    await subscribe("PRODUCTS_CREATE");
    const created = await gql<{ productCreate: { product: { id: string } } }>(CREATE_PRODUCT, {
      product: { title: "Webhook lamp" },
    });
    const [webhook] = await receiver.waitFor(1);
    const expectedHmac = createHmac("sha256", store.installation.apiSecret)
      .update(webhook!.body, "utf8")
      .digest("base64");
    expect(webhook!.headers).toMatchObject({
      "content-type": "application/json",
      "x-shopify-topic": "products/create",
      "x-shopify-hmac-sha256": expectedHmac,
      "x-shopify-shop-domain": store.shop.domain,
      "x-shopify-api-version": "2026-01",
      "x-shopify-webhook-id": expect.stringMatching(/^[0-9a-f-]{36}$/),
      "x-shopify-event-id": expect.stringMatching(/^[0-9a-f-]{36}$/),
      "x-shopify-triggered-at": expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(JSON.parse(webhook!.body)).toMatchObject({
      admin_graphql_api_id: created.body.data!.productCreate.product.id,
      title: "Webhook lamp",
    });
  });

  it("retries after a failing receiver with the same webhook id and body, then records the delivery", async () => {
    const { store, receiver, gql, subscribe } = await setup([500, 503]);
    await subscribe("CUSTOMERS_CREATE");
    await gql(CREATE_CUSTOMER, { input: { email: "retry@example.com" } });
    const attempts = await receiver.waitFor(3);
    expect(new Set(attempts.map((attempt) => attempt.headers["x-shopify-webhook-id"])).size).toBe(1);
    expect(new Set(attempts.map((attempt) => attempt.body)).size).toBe(1);
    await expect
      .poll(async () => (await db.select().from(deliveries).where(eq(deliveries.shopId, store.shop.id)))[0])
      .toMatchObject({
        status: "delivered",
        attempts: 3,
        lastResponseStatus: 200,
      });
  });

  it("gives up once the retries are used up", async () => {
    const { store, receiver, gql, subscribe } = await setup([500, 500, 500, 500], { retryDelaysMs: [20, 20] });
    await subscribe("CUSTOMERS_CREATE");
    await gql(CREATE_CUSTOMER, { input: { email: "gone@example.com" } });
    await receiver.waitFor(3);
    await expect
      .poll(async () => (await db.select().from(deliveries).where(eq(deliveries.shopId, store.shop.id)))[0]?.status)
      .toBe("failed");
    expect(receiver.received).toHaveLength(3);
  });

  it("delivers a duplicate on purpose with the same webhook and event ids", async () => {
    const { receiver, gql, subscribe } = await setup([], { duplicateRate: 1 });
    await subscribe("CUSTOMERS_CREATE");
    await gql(CREATE_CUSTOMER, { input: { email: "twice@example.com" } });
    const [first, second] = await receiver.waitFor(2);
    expect(second!.headers["x-shopify-webhook-id"]).toBe(first!.headers["x-shopify-webhook-id"]);
    expect(second!.headers["x-shopify-event-id"]).toBe(first!.headers["x-shopify-event-id"]);
    expect(second!.body).toBe(first!.body);
  });

  it("announces each topic the sandbox changes, and nothing for a change that rolled back", async () => {
    const { store, receiver, gql, subscribe } = await setup();
    for (const topic of [
      "PRODUCTS_CREATE",
      "PRODUCTS_UPDATE",
      "PRODUCTS_DELETE",
      "CUSTOMERS_CREATE",
      "CUSTOMERS_UPDATE",
      "CUSTOMERS_DELETE",
      "ORDERS_CREATE",
      "ORDERS_UPDATED",
      "ORDERS_DELETE",
    ]) {
      expect((await subscribe(topic)).userErrors).toEqual([]);
    }
    const rolledBack = await gql<{ productCreate: { userErrors: unknown[] } }>(CREATE_PRODUCT, {
      product: { title: "Never", metafields: [{ namespace: "synco", key: "n", type: "number_integer", value: "x" }] },
    });
    expect(rolledBack.body.data!.productCreate.userErrors).not.toEqual([]);
    const product = toGid("Product", store.products[0]!.product.id);
    const order = toGid("Order", store.orders[0]!.order.id);
    const customer = (
      await gql<{ customerCreate: { customer: { id: string } } }>(CREATE_CUSTOMER, {
        input: { email: "all@example.com" },
      })
    ).body.data!.customerCreate.customer.id;
    await gql(
      `#graphql
      mutation ($id: ID!) { productUpdate(product: { id: $id, title: "Renamed" }) { userErrors { message } } }`,
      { id: product },
    );
    await gql(
      `#graphql
      mutation ($id: ID!) { customerUpdate(input: { id: $id, note: "vip" }) { userErrors { message } } }`,
      { id: customer },
    );
    await gql(
      `#graphql
      mutation ($id: ID!) { customerDelete(input: { id: $id }) { deletedCustomerId userErrors { message } } }`,
      { id: customer },
    );
    await gql(`#graphql
      mutation { orderCreate(order: { lineItems: [{ title: "Gift card", quantity: 1, priceSet: { shopMoney: { amount: "10.00", currencyCode: USD } } }] }) { userErrors { message } } }`);
    await gql(
      `#graphql
      mutation ($id: ID!) { orderUpdate(input: { id: $id, note: "paid" }) { userErrors { message } } }`,
      { id: order },
    );
    await gql(
      `#graphql
      mutation ($id: ID!) { orderDelete(orderId: $id) { deletedId userErrors { message } } }`,
      { id: order },
    );
    await gql(
      `#graphql
      mutation ($id: ID!) { productDelete(input: { id: $id }) { deletedProductId userErrors { message } } }`,
      { id: product },
    );
    const received = await receiver.waitFor(8);
    expect(received.map((webhook) => webhook.headers["x-shopify-topic"]).sort()).toEqual([
      "customers/create",
      "customers/delete",
      "customers/update",
      "orders/create",
      "orders/delete",
      "orders/updated",
      "products/delete",
      "products/update",
    ]);
    const deleted = received.find((webhook) => webhook.headers["x-shopify-topic"] === "orders/delete")!;
    expect(JSON.parse(deleted.body)).toEqual({ id: store.orders[0]!.order.id, admin_graphql_api_id: order });
  });

  it("sends bulk_operations/finish and app/uninstalled to the app they concern", async () => {
    const { store, receiver, gql, subscribe } = await setup();
    await subscribe("BULK_OPERATIONS_FINISH");
    await subscribe("APP_UNINSTALLED");
    const run = await gql<{ bulkOperationRunQuery: { bulkOperation: { id: string } } }>(`#graphql
      mutation { bulkOperationRunQuery(query: "{ products { edges { node { id } } } }") { bulkOperation { id } userErrors { message } } }`);
    const id = run.body.data!.bulkOperationRunQuery.bulkOperation.id;
    const operation = await waitForBulkOperation(gql, id);
    const [finished] = await receiver.waitFor(
      1,
      (webhook) => webhook.headers["x-shopify-topic"] === "bulk_operations/finish",
    );
    expect(JSON.parse(finished!.body)).toEqual({
      admin_graphql_api_id: id,
      completed_at: operation.completedAt,
      created_at: operation.createdAt,
      error_code: null,
      status: "completed",
      type: "query",
    });

    expect(await uninstallSandboxApp({ shopId: store.shop.id, appId: store.installation.appId })).toBe(true);
    const [uninstalled] = await receiver.waitFor(
      1,
      (webhook) => webhook.headers["x-shopify-topic"] === "app/uninstalled",
    );
    expect(JSON.parse(uninstalled!.body)).toMatchObject({ id: store.shop.id, myshopify_domain: store.shop.domain });
    expect(uninstalled!.headers["x-shopify-hmac-sha256"]).toBe(
      createHmac("sha256", store.installation.apiSecret).update(uninstalled!.body).digest("base64"),
    );
    expect((await gql(LIST)).status).toBe(401);
  });
});
