// Test helpers: a sandbox server on an ephemeral port and a tiny GraphQL client that speaks to it
// over real HTTP, the way the app's Shopify client will.
import { afterAll, beforeAll } from "vitest";
import { ADMIN_API_VERSION } from "@/lib/shopify/admin-schema";
import { serveSandboxShopify, type RunningSandboxServer } from "../serve-sandbox-shopify";

export type GraphqlResult<T = Record<string, unknown>> = {
  status: number;
  body: {
    data?: T | null;
    errors?: { message: string; path?: unknown[]; extensions?: Record<string, unknown> }[] | string;
    extensions?: {
      cost: {
        requestedQueryCost: number;
        actualQueryCost: number | null;
        throttleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
      };
      search?: { path: unknown[]; query: string; warnings: { field: string; message: string; code: string }[] }[];
    };
  };
};

/** Starts one sandbox server for the test file and returns a getter for its base URL. */
export function startSandboxServerForTests(): () => string {
  let server: RunningSandboxServer | undefined;
  beforeAll(async () => {
    server = await serveSandboxShopify();
  });
  afterAll(async () => {
    await server?.close();
  });
  return () => {
    if (!server) throw new Error("sandbox server not started");
    return server.url;
  };
}

export type SandboxClient = <T = Record<string, unknown>>(
  query: string,
  variables?: Record<string, unknown>,
) => Promise<GraphqlResult<T>>;

export function sandboxClient(
  baseUrl: string,
  shopDomain: string,
  accessToken: string,
  version = ADMIN_API_VERSION,
): SandboxClient {
  return async (query, variables = {}) => {
    const response = await fetch(`${baseUrl}/api/sandbox/shopify/${shopDomain}/admin/api/${version}/graphql.json`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-shopify-access-token": accessToken },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, body: (await response.json()) as GraphqlResult["body"] } as GraphqlResult<never>;
  };
}
