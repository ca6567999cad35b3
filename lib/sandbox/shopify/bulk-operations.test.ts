import { randomUUID } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sandboxShopifyMetafields, sandboxShopifyOrderLineItems } from "@/db/schema/sandbox-shopify";
import { sandboxShopifyBulkOperations } from "@/db/schema/sandbox-shopify-bulk";
import { defaultSandboxDb as db } from "./sandbox-db";
import { setSandboxFaults } from "./faults/set-sandbox-faults";
import { seedSandboxStore } from "./seed/seed-sandbox-store";
import { streamSandboxSyncState } from "./testing/stream-sandbox-sync-state";
import { readJsonl, uploadJsonl, waitForBulkOperation } from "./testing/bulk-client";
import { sandboxClient, startSandboxServerForTests } from "./testing/sandbox-client";
import { ensureSandboxWorkers } from "./workers/sandbox-workers";

const baseUrl = startSandboxServerForTests();

const RUN_QUERY = `#graphql
  mutation RunQuery($query: String!, $groupObjects: Boolean!) {
    bulkOperationRunQuery(query: $query, groupObjects: $groupObjects) { bulkOperation { id status type url } userErrors { field message code } }
  }`;
const RUN_MUTATION = `#graphql
  mutation RunMutation($mutation: String!, $path: String!) {
    bulkOperationRunMutation(mutation: $mutation, stagedUploadPath: $path) { bulkOperation { id status type } userErrors { field message code } }
  }`;
const CANCEL = `#graphql
  mutation Cancel($id: ID!) { bulkOperationCancel(id: $id) { bulkOperation { id status } userErrors { field message } } }`;
const ORDERS_WITH_LINES = `#graphql
  { orders { edges { node { id name lineItems { edges { node { id sku quantity } } } } } } }`;
const ORDER_IDS = `#graphql
  { orders(sortKey: ORDER_NUMBER) { edges { node { id name } } } }`;
const DELETE_METAFIELDS = `#graphql
  mutation Delete($metafields: [MetafieldIdentifierInput!]!) {
    metafieldsDelete(metafields: $metafields) { deletedMetafields { ownerId namespace key } userErrors { field message } }
  }`;

type RunResult = {
  bulkOperationRunQuery: {
    bulkOperation: { id: string; status: string } | null;
    userErrors: { field: string[]; message: string; code: string }[];
  };
};

async function store(orders: number, extra: { products?: number; customers?: number } = {}) {
  const seeded = await seedSandboxStore({
    domain: `bulk-${randomUUID().slice(0, 12)}.myshopify.com`,
    seed: 11,
    sizes: { products: extra.products ?? 20, customers: extra.customers ?? 50, orders, metafields: 0 },
    throttleEnabled: false,
  });
  return { ...seeded, gql: sandboxClient(baseUrl(), seeded.shop.domain, seeded.accessToken!) };
}

async function runQuery(gql: ReturnType<typeof sandboxClient>, query: string, groupObjects = false) {
  const result = await gql<RunResult>(RUN_QUERY, { query, groupObjects });
  return result.body.data!.bulkOperationRunQuery;
}

describe("bulkOperationRunQuery", () => {
  it("exports 10k orders as JSONL, grouped when asked: every order once, each line item after its order with __parentId", async () => {
    const { shop, gql } = await store(10_000);
    const started = await runQuery(gql, ORDERS_WITH_LINES, true);
    expect(started.userErrors).toEqual([]);
    expect(started.bulkOperation).toMatchObject({ status: "CREATED" });
    const done = await waitForBulkOperation(gql, started.bulkOperation!.id);
    expect(done).toMatchObject({
      status: "COMPLETED",
      type: "QUERY",
      errorCode: null,
      partialDataUrl: null,
      rootObjectCount: "10000",
    });

    const [lineItems] = await db
      .select({ n: count() })
      .from(sandboxShopifyOrderLineItems)
      .where(eq(sandboxShopifyOrderLineItems.shopId, shop.id));
    const orders = new Set<string>();
    let lines = 0;
    let parent: string | null = null;
    let bytes = 0;
    for await (const line of readJsonl(done.url!)) {
      bytes += Buffer.byteLength(JSON.stringify(line)) + 1;
      const id = String(line.id);
      if (id.startsWith("gid://shopify/Order/")) {
        expect(line).not.toHaveProperty("__parentId");
        expect(line).not.toHaveProperty("lineItems");
        expect(orders.has(id)).toBe(false);
        orders.add(id);
        parent = id;
      } else {
        expect(id).toMatch(/^gid:\/\/shopify\/LineItem\/\d+$/);
        expect(line.__parentId).toBe(parent);
        expect(Object.keys(line).at(-1)).toBe("__parentId");
        lines += 1;
      }
    }
    expect(orders.size).toBe(10_000);
    expect(lines).toBe(lineItems!.n);
    expect(Number(done.objectCount)).toBe(10_000 + lines);
    expect(Number(done.fileSize)).toBe(bytes);
  }, 120_000);

  it("writes ungrouped output by default (groupObjects: false): an order's line items may come before it", async () => {
    const { gql } = await store(50);
    const started = await runQuery(gql, ORDERS_WITH_LINES);
    const done = await waitForBulkOperation(gql, started.bulkOperation!.id);
    expect(done).toMatchObject({ status: "COMPLETED", rootObjectCount: "50" });
    const orders = new Set<string>();
    const early: string[] = [];
    for await (const line of readJsonl(done.url!)) {
      if (typeof line.__parentId === "string") {
        if (!orders.has(line.__parentId)) early.push(line.__parentId);
      } else orders.add(String(line.id));
    }
    expect(orders.size).toBe(50);
    // Every line refers to an order the file holds, though it came first.
    expect(early.length).toBeGreaterThan(0);
    expect(early.every((id) => orders.has(id))).toBe(true);
  });

  it("refuses queries Shopify refuses, with userErrors", async () => {
    const { gql } = await store(1);
    const refused = async (query: string) => (await runQuery(gql, query)).userErrors[0];
    expect(
      await refused(`#graphql
      { shop { name } }`),
    ).toMatchObject({
      field: ["query"],
      code: "INVALID",
      message: "Bulk queries must contain at least one connection.",
    });
    expect(
      (await refused(`#graphql
      { orders { edges { node { name lineItems { edges { node { id } } } } } } }`))!.message,
    ).toMatch(/must select the 'id' field.*Connection field: 'lineItems'/);
    expect(
      (await refused(`#graphql
      { customers { edges { node { id orders { edges { node { id lineItems { edges { node { id variant { id metafields { edges { node { id } } } } } } } } } } } } } }`))!
        .message,
    ).toMatch(/nested more than 2 levels/);
    expect(
      (await refused(`#graphql
      { nodes(ids: ["gid://shopify/Order/1"]) { id } }`))!.message,
    ).toMatch(/'node' and 'nodes'/);
    // Not a #graphql document: it is invalid on purpose (the documents test validates those).
    expect((await refused(`{ orders { edges { node { id nope } } } }`))!.message).toMatch(
      /^Invalid bulk query: Field 'nope' doesn't exist on type 'Order'/,
    );
  });

  it("allows five running operations per app and type; the sixth gets LIMIT_REACHED", async () => {
    const { shop, gql } = await store(5);
    await setSandboxFaults({ shopId: shop.id, faults: { bulkChunkDelayMs: 3000 } });
    const accepted = [];
    for (let i = 0; i < 5; i++) accepted.push(await runQuery(gql, ORDER_IDS));
    expect(accepted.every((result) => result.bulkOperation && result.userErrors.length === 0)).toBe(true);
    const sixth = await runQuery(gql, ORDER_IDS);
    expect(sixth.bulkOperation).toBeNull();
    expect(sixth.userErrors).toEqual([
      { field: null, code: "LIMIT_REACHED", message: expect.stringContaining("at most 5 bulk query operations") },
    ]);
    // Mutations have their own five places.
    const path = await uploadJsonl(gql, [
      { metafields: [{ ownerId: "gid://shopify/Order/1", namespace: "synco", key: "none" }] },
    ]);
    const mutation = await gql<{ bulkOperationRunMutation: { userErrors: unknown[] } }>(RUN_MUTATION, {
      mutation: DELETE_METAFIELDS,
      path,
    });
    expect(mutation.body.data!.bulkOperationRunMutation.userErrors).toEqual([]);
    for (const result of accepted) await gql(CANCEL, { id: result.bulkOperation!.id });
  });

  it("cancels a running operation: CANCELING, then CANCELED without a result URL", async () => {
    const { shop, gql } = await store(600);
    await setSandboxFaults({ shopId: shop.id, faults: { bulkChunkDelayMs: 700 } });
    const { bulkOperation } = await runQuery(gql, ORDER_IDS);
    await waitForBulkOperation(gql, bulkOperation!.id, (operation) => operation.status === "RUNNING");
    const cancel = await gql<{ bulkOperationCancel: { bulkOperation: { status: string }; userErrors: unknown[] } }>(
      CANCEL,
      { id: bulkOperation!.id },
    );
    expect(cancel.body.data!.bulkOperationCancel).toEqual({
      bulkOperation: { id: bulkOperation!.id, status: "CANCELING" },
      userErrors: [],
    });
    const canceled = await waitForBulkOperation(gql, bulkOperation!.id);
    expect(canceled).toMatchObject({ status: "CANCELED", url: null, partialDataUrl: null });
    expect(Number(canceled.objectCount)).toBeLessThan(600);
    expect(canceled.completedAt).not.toBeNull();
    const again = await gql<{ bulkOperationCancel: { userErrors: { message: string }[] } }>(CANCEL, {
      id: bulkOperation!.id,
    });
    expect(again.body.data!.bulkOperationCancel.userErrors[0]!.message).toMatch(
      /cannot be canceled when it is canceled/,
    );
  });

  it("fails part-way on the fault: FAILED, INTERNAL_SERVER_ERROR, the objects written so far at partialDataUrl", async () => {
    const { shop, gql } = await store(300);
    await setSandboxFaults({ shopId: shop.id, faults: { bulkFailAfterObjects: 120 } });
    const { bulkOperation } = await runQuery(gql, ORDER_IDS);
    const failed = await waitForBulkOperation(gql, bulkOperation!.id);
    expect(failed).toMatchObject({
      status: "FAILED",
      errorCode: "INTERNAL_SERVER_ERROR",
      url: null,
      objectCount: "120",
    });
    const names: string[] = [];
    for await (const line of readJsonl(failed.partialDataUrl!)) names.push(String(line.name));
    expect(names).toEqual(Array.from({ length: 120 }, (_, i) => `#${1001 + i}`));
  });

  it("resumes an operation another worker left mid-way, without repeating or losing an order", async () => {
    const { shop, gql } = await store(750);
    await setSandboxFaults({ shopId: shop.id, faults: { bulkChunkDelayMs: 400 } });
    const { bulkOperation } = await runQuery(gql, ORDER_IDS);
    await waitForBulkOperation(gql, bulkOperation!.id, (operation) => Number(operation.objectCount) >= 250);
    // Whichever process runs it (every test process serving the sandbox runs workers), its worker
    // "dies" now: the lease passes to an owner that no longer exists and has already expired. The
    // worker's next commit is refused, and a live worker resumes from the last checkpoint.
    const operationId = Number(bulkOperation!.id.split("/").pop());
    const [left] = await db
      .update(sandboxShopifyBulkOperations)
      .set({ leaseOwner: "worker-that-died", leaseExpiresAt: new Date(0) })
      .where(and(eq(sandboxShopifyBulkOperations.id, operationId), eq(sandboxShopifyBulkOperations.status, "RUNNING")))
      .returning({ objectCount: sandboxShopifyBulkOperations.objectCount });
    expect(left, "the operation was still running when its worker died").toBeDefined();
    expect(Number(left!.objectCount)).toBeLessThan(750);
    await setSandboxFaults({ shopId: shop.id, faults: null });
    ensureSandboxWorkers({ db });
    const done = await waitForBulkOperation(gql, bulkOperation!.id);
    expect(done.status).toBe("COMPLETED");
    const names: string[] = [];
    for await (const line of readJsonl(done.url!)) names.push(String(line.name));
    expect(names).toEqual(Array.from({ length: 750 }, (_, i) => `#${1001 + i}`));
  });

  it("writes each page once when a worker's own lease lapses and it claims the operation again", async () => {
    const { shop, gql } = await store(750);
    await setSandboxFaults({ shopId: shop.id, faults: { bulkChunkDelayMs: 400 } });
    const { bulkOperation } = await runQuery(gql, ORDER_IDS);
    await waitForBulkOperation(gql, bulkOperation!.id, (operation) => Number(operation.objectCount) >= 250);
    // The lease lapses while its holder is still working (an event loop blocked under load): the
    // owner stays, so the process that holds it may claim it a second time.
    const operationId = Number(bulkOperation!.id.split("/").pop());
    const [lapsed] = await db
      .update(sandboxShopifyBulkOperations)
      .set({ leaseExpiresAt: new Date(0) })
      .where(and(eq(sandboxShopifyBulkOperations.id, operationId), eq(sandboxShopifyBulkOperations.status, "RUNNING")))
      .returning({ owner: sandboxShopifyBulkOperations.leaseOwner });
    expect(lapsed?.owner, "the operation was still running when its lease lapsed").toBeTruthy();
    await setSandboxFaults({ shopId: shop.id, faults: null });
    const done = await waitForBulkOperation(gql, bulkOperation!.id);
    expect(done).toMatchObject({ status: "COMPLETED", objectCount: "750" });
    const names: string[] = [];
    for await (const line of readJsonl(done.url!)) names.push(String(line.name));
    expect(names).toEqual(Array.from({ length: 750 }, (_, i) => `#${1001 + i}`));
  });
});

describe("bulkOperationRunMutation", () => {
  it("runs metafieldsDelete once per uploaded line: exactly those metafields go, one result line per input line", async () => {
    const { shop, gql } = await store(200);
    const synced = [];
    for await (const record of streamSandboxSyncState({ shopId: shop.id })) synced.push(record);
    const chosen = synced.filter((_, index) => index % 3 === 0);
    const lines = chosen.map((record) => ({
      metafields: [{ ownerId: record.shopifyId, namespace: "synco", key: "sync" }],
    }));
    const path = await uploadJsonl(gql, lines);

    const started = await gql<{
      bulkOperationRunMutation: { bulkOperation: { id: string; status: string; type: string } };
    }>(RUN_MUTATION, {
      mutation: DELETE_METAFIELDS,
      path,
    });
    expect(started.body.data!.bulkOperationRunMutation.bulkOperation).toMatchObject({
      status: "CREATED",
      type: "MUTATION",
    });
    const done = await waitForBulkOperation(gql, started.body.data!.bulkOperationRunMutation.bulkOperation.id);
    expect(done).toMatchObject({ status: "COMPLETED", objectCount: String(lines.length) });

    const results = [];
    for await (const line of readJsonl(done.url!)) results.push(line);
    expect(results.map((line) => line.__lineNumber)).toEqual(lines.map((_, index) => index));
    expect(results[0]).toEqual({
      data: { metafieldsDelete: { deletedMetafields: [lines[0]!.metafields[0]], userErrors: [] } },
      __lineNumber: 0,
    });

    const left = [];
    for await (const record of streamSandboxSyncState({ shopId: shop.id })) left.push(record.shopifyId);
    const deleted = new Set(chosen.map((record) => record.shopifyId));
    expect(left).toEqual(synced.map((record) => record.shopifyId).filter((id) => !deleted.has(id)));
    const [all] = await db
      .select({ n: count() })
      .from(sandboxShopifyMetafields)
      .where(and(eq(sandboxShopifyMetafields.shopId, shop.id)));
    expect(all!.n).toBe(synced.length - chosen.length);
  });

  it("refuses an unknown staged upload path and a mutation it cannot run in bulk", async () => {
    const { gql } = await store(1);
    const missing = await gql<{ bulkOperationRunMutation: { userErrors: { code: string }[] } }>(RUN_MUTATION, {
      mutation: DELETE_METAFIELDS,
      path: "tmp/1/bulk/none/vars.jsonl",
    });
    expect(missing.body.data!.bulkOperationRunMutation.userErrors[0]!.code).toBe("NO_SUCH_FILE");
    const path = await uploadJsonl(gql, [{ query: "x" }]);
    const recursive = await gql<{ bulkOperationRunMutation: { userErrors: { code: string }[] } }>(RUN_MUTATION, {
      mutation: RUN_QUERY,
      path,
    });
    expect(recursive.body.data!.bulkOperationRunMutation.userErrors[0]!.code).toBe("INVALID_MUTATION");
  });
});
