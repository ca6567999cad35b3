// The Next route serves the same surface as the standalone server: GraphQL, staged uploads,
// result downloads and faults. Called in-process with real Request objects (docs/decisions.md, 4).
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as route from "@/app/api/sandbox/shopify/[...path]/route";
import { seedSandboxStore } from "./seed/seed-sandbox-store";
import type { GraphqlResult } from "./testing/sandbox-client";

const ORIGIN = "http://dashboard.test";

const STAGE = `#graphql
  mutation Stage { stagedUploadsCreate(input: [{ resource: BULK_MUTATION_VARIABLES, filename: "vars.jsonl", mimeType: "text/jsonl", httpMethod: POST }]) {
    stagedTargets { url parameters { name value } } userErrors { message } } }`;
const RUN = `#graphql
  mutation Run($mutation: String!, $path: String!) { bulkOperationRunMutation(mutation: $mutation, stagedUploadPath: $path) { bulkOperation { id } userErrors { message } } }`;
const READ = `#graphql
  query Read($id: ID!) { bulkOperation(id: $id) { status url objectCount } }`;
const TAG = `#graphql
  mutation Tag($input: OrderInput!) { orderUpdate(input: $input) { order { tags } userErrors { message } } }`;

describe("the sandbox's Next route", () => {
  it("takes a staged upload, runs a bulk mutation and serves its result", async () => {
    const { shop, accessToken } = await seedSandboxStore({
      domain: `route-${randomUUID().slice(0, 8)}.myshopify.com`,
      sizes: { products: 2, customers: 2, orders: 3, metafields: 0 },
    });
    const gql = async <T>(query: string, variables: Record<string, unknown> = {}) => {
      const request = new Request(`${ORIGIN}/api/sandbox/shopify/${shop.domain}/admin/api/2026-01/graphql.json`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-shopify-access-token": accessToken! },
        body: JSON.stringify({ query, variables }),
      });
      return (await (await route.POST(request)).json()) as GraphqlResult<T>["body"];
    };

    const staged = await gql<{
      stagedUploadsCreate: { stagedTargets: { url: string; parameters: { name: string; value: string }[] }[] };
    }>(STAGE);
    const target = staged.data!.stagedUploadsCreate.stagedTargets[0]!;
    expect(target.url).toBe(`${ORIGIN}/api/sandbox/shopify/staged-uploads`);
    const form = new FormData();
    for (const { name, value } of target.parameters) form.append(name, value);
    const lines = [
      { input: { id: "gid://shopify/Order/0", tags: ["x"] } },
      { input: { id: "gid://shopify/Order/0", tags: ["y"] } },
    ];
    form.append(
      "file",
      new Blob([lines.map((line) => JSON.stringify(line)).join("\n")], { type: "text/jsonl" }),
      "vars.jsonl",
    );
    const upload = await route.POST(new Request(target.url, { method: "POST", body: form }));
    expect(upload.status).toBe(201);
    expect(await upload.text()).toContain("<PostResponse>");

    const path = target.parameters.find((parameter) => parameter.name === "key")!.value;
    const run = await gql<{ bulkOperationRunMutation: { bulkOperation: { id: string } } }>(RUN, {
      mutation: TAG,
      path,
    });
    const id = run.data!.bulkOperationRunMutation.bulkOperation.id;
    let operation: { status: string; url: string | null; objectCount: string } | undefined;
    await expect
      .poll(
        async () =>
          (operation = (await gql<{ bulkOperation: typeof operation }>(READ, { id })).data!.bulkOperation)?.status,
        { timeout: 20_000 },
      )
      .toBe("COMPLETED");
    expect(operation!.url!.startsWith(`${ORIGIN}/api/sandbox/shopify/files/`)).toBe(true);
    const download = await route.GET(new Request(operation!.url!));
    expect(download.headers.get("content-type")).toBe("application/jsonl");
    expect(
      (await download.text())
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    ).toEqual([
      { data: { orderUpdate: { order: null, userErrors: [{ message: "Order does not exist" }] } }, __lineNumber: 0 },
      { data: { orderUpdate: { order: null, userErrors: [{ message: "Order does not exist" }] } }, __lineNumber: 1 },
    ]);

    const faults = await route.POST(
      new Request(`${ORIGIN}/api/sandbox/shopify/${shop.domain}/sandbox/faults`, {
        method: "POST",
        headers: { "x-shopify-access-token": accessToken! },
        body: JSON.stringify({ latencyMs: 1 }),
      }),
    );
    expect(faults.status).toBe(200);
  });
});
