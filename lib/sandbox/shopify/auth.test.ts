import { request } from "node:http";
import { describe, expect, it } from "vitest";
import { createSandboxShop } from "./create-sandbox-shop";
import { installSandboxApp } from "./install-sandbox-app";
import { seedSmallStore } from "./seed-small-store";
import { sandboxClient, startSandboxServerForTests } from "./testing/sandbox-client";

const baseUrl = startSandboxServerForTests();
const SHOP_QUERY = `#graphql
  query ShopName { shop { name myshopifyDomain } }`;
const INSTALLATION = `#graphql
  query Installation {
    currentAppInstallation {
      id
      accessScopes { handle }
      app { id handle }
    }
  }
`;
type Installation = {
  currentAppInstallation: { id: string; accessScopes: { handle: string }[]; app: { id: string; handle: string } };
};
const INVALID_TOKEN = { errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" };

async function post(
  path: string,
  init: { token?: string; body?: string; method?: string; headers?: Record<string, string> } = {},
) {
  const response = await fetch(`${baseUrl()}${path}`, {
    method: init.method ?? "POST",
    headers: {
      "content-type": "application/json",
      ...(init.token ? { "x-shopify-access-token": init.token } : {}),
      ...init.headers,
    },
    body: init.method === "GET" ? undefined : (init.body ?? JSON.stringify({ query: SHOP_QUERY })),
  });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

describe("sandbox Shopify authentication", () => {
  it("answers a shop's own token and tells which API version answered", async () => {
    const store = await seedSmallStore({ products: 0, customers: 0, orders: 0 });
    const result = await post(`/api/sandbox/shopify/${store.shop.domain}/admin/api/2026-01/graphql.json`, {
      token: store.accessToken,
    });
    expect(result.status).toBe(200);
    expect(result.body.data).toEqual({ shop: { name: store.shop.name, myshopifyDomain: store.shop.domain } });
    expect(result.headers.get("x-shopify-api-version")).toBe("2026-01");
  });

  it("refuses a missing token, a wrong token and another shop's token with Shopify's 401", async () => {
    const [store, other] = await Promise.all([
      seedSmallStore({ products: 0, customers: 0, orders: 0 }),
      seedSmallStore({ products: 0, customers: 0, orders: 0 }),
    ]);
    const path = `/api/sandbox/shopify/${store.shop.domain}/admin/api/2026-01/graphql.json`;
    for (const token of [undefined, "shpat_00000000000000000000000000000000", other.accessToken]) {
      const result = await post(path, { token });
      expect(result.status).toBe(401);
      expect(result.body).toEqual(INVALID_TOKEN);
    }
  });

  it("picks the shop from the Host header when the path starts at /admin", async () => {
    const store = await seedSmallStore({ products: 0, customers: 0, orders: 0 });
    // fetch() may not set Host, so this one goes through node:http, as curl or a proxy would.
    const { port } = new URL(baseUrl());
    const result = await new Promise<{ status: number; body: { data: { shop: { myshopifyDomain: string } } } }>(
      (resolve, reject) => {
        const req = request(
          {
            host: "127.0.0.1",
            port,
            method: "POST",
            path: "/admin/api/2026-01/graphql.json",
            headers: {
              host: store.shop.domain,
              "content-type": "application/json",
              "x-shopify-access-token": store.accessToken,
            },
          },
          (res) => {
            let text = "";
            res.on("data", (chunk: Buffer) => (text += chunk.toString()));
            res.on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
          },
        );
        req.on("error", reject);
        req.end(JSON.stringify({ query: SHOP_QUERY }));
      },
    );
    expect(result.status).toBe(200);
    expect(result.body.data.shop.myshopifyDomain).toBe(store.shop.domain);
  });

  it("answers every supported API version, and a retired one as the oldest supported, as Shopify falls forward", async () => {
    const store = await seedSmallStore({ products: 1, customers: 0, orders: 0 });
    for (const [asked, served] of [
      ["2025-04", "2025-04"],
      ["2025-07", "2025-07"],
      ["2025-10", "2025-10"],
      ["2026-01", "2026-01"],
      ["2024-10", "2025-04"],
      ["2019-04", "2025-04"],
    ]) {
      const res = await post(`/api/sandbox/shopify/${store.shop.domain}/admin/api/${asked}/graphql.json`, {
        token: store.accessToken,
        body: JSON.stringify({ query: "{ productsCount { count } }" }),
      });
      expect(res.status, asked).toBe(200);
      expect(res.headers.get("x-shopify-api-version"), asked).toBe(served);
      expect(res.body.data).toEqual({ productsCount: { count: 1 } });
    }
  });

  it("404s an unknown API version or shop, 405s other methods and 400s a body that is not JSON", async () => {
    const store = await seedSmallStore({ products: 0, customers: 0, orders: 0 });
    const path = (version: string, domain = store.shop.domain) =>
      `/api/sandbox/shopify/${domain}/admin/api/${version}/graphql.json`;
    for (const version of ["2027-01", "2026-02", "unstable", "latest", "2026-1"])
      expect((await post(path(version), { token: store.accessToken })).status, version).toBe(404);
    expect((await post(path("2026-01", "nobody.myshopify.com"), { token: store.accessToken })).status).toBe(404);
    expect((await post(path("2026-01"), { token: store.accessToken, method: "GET" })).status).toBe(405);
    const badJson = await post(path("2026-01"), { token: store.accessToken, body: "{not json" });
    expect(badJson).toMatchObject({ status: 400, body: { errors: "Bad Request" } });
    const noQuery = await post(path("2026-01"), { token: store.accessToken, body: JSON.stringify({ variables: {} }) });
    expect(noQuery).toMatchObject({
      status: 400,
      body: { errors: { query: "Required parameter missing or invalid" } },
    });
  });

  it("reports GraphQL mistakes the way Shopify words them", async () => {
    const store = await seedSmallStore({ products: 0, customers: 0, orders: 0 });
    const gql = sandboxClient(baseUrl(), store.shop.domain, store.accessToken);
    const unknown = await gql(`query { shop { definitelyNotAField } }`);
    expect(unknown.body.errors).toEqual([
      expect.objectContaining({
        message: "Field 'definitelyNotAField' doesn't exist on type 'Shop'",
        extensions: { code: "undefinedField", typeName: "Shop", fieldName: "definitelyNotAField" },
      }),
    ]);
    // Parse errors as Shopify's server (graphql-ruby) words them.
    expect((await gql(`query { shop { name }`)).body.errors).toEqual([
      { message: "Unexpected end of document", locations: [] },
    ]);
    expect((await gql(`query { shop { name } } }`)).body.errors).toEqual([
      { message: 'Parse error on "}" (RCURLY) at [1, 25]', locations: [{ line: 1, column: 25 }] },
    ]);
    expect((await gql(`query { products(first: ) { nodes { id } } }`)).body.errors).toEqual([
      { message: 'Parse error on ")" (RPAREN) at [1, 25]', locations: [{ line: 1, column: 25 }] },
    ]);
    const mistakes: [string, string, string][] = [
      [
        `{ products(first: 1, colour: "red") { nodes { id } } }`,
        "Field 'products' doesn't accept argument 'colour'",
        "argumentNotAccepted",
      ],
      [
        `mutation { metafieldsSet { userErrors { message } } }`,
        "Field 'metafieldsSet' is missing required arguments: metafields",
        "missingRequiredArguments",
      ],
      [
        `{ shop { id { name } } }`,
        "Selections can't be made on scalars (field 'id' returns ID but has selections)",
        "selectionMismatch",
      ],
      [
        `{ shop }`,
        "Field must have selections (field 'shop' returns Shop but has no selections. Did you mean 'shop { ... }'?)",
        "selectionMismatch",
      ],
      [`query Q { product(id: $id) { id } }`, "Variable $id is used by Q but not declared", "variableNotDefined"],
      [`query Q($id: ID!) { shop { id } }`, "Variable $id is declared by Q but not used", "variableNotUsed"],
    ];
    for (const [query, message, code] of mistakes) {
      const answer = await gql(query);
      expect(answer.body.errors, query).toEqual([
        expect.objectContaining({ message, extensions: expect.objectContaining({ code }) }),
      ]);
    }
    const variable = await gql(`query Product($id: ID!) { product(id: $id) { id } }`, {});
    expect(variable.body.errors).toEqual([
      expect.objectContaining({
        message: "Variable $id of type ID! was provided invalid value",
        extensions: expect.objectContaining({ code: "INVALID_VARIABLE" }),
      }),
    ]);
  });
});

describe("currentAppInstallation", () => {
  const newDomain = () => `scopes-${crypto.randomUUID().slice(0, 10)}.myshopify.com`;

  it("lists the scopes granted to the token's installation, write scopes followed by the reads they imply", async () => {
    const { shop, installation, accessToken } = await createSandboxShop({
      domain: newDomain(),
      name: "Scopes",
      scopes: ["write_products", "read_customers"],
    });
    const result = await sandboxClient(baseUrl(), shop.domain, accessToken)<Installation>(INSTALLATION);
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data!.currentAppInstallation).toEqual({
      id: `gid://shopify/AppInstallation/${installation.id}`,
      accessScopes: [{ handle: "write_products" }, { handle: "read_customers" }, { handle: "read_products" }],
      app: { id: `gid://shopify/App/${installation.appId}`, handle: "synco" },
    });
  });

  it("answers each app on a shop with its own installation, and node() hides the other one", async () => {
    const { shop, installation, accessToken } = await createSandboxShop({ domain: newDomain(), name: "Two apps" });
    const other = await installSandboxApp({
      shopId: shop.id,
      app: { id: 99_001, handle: "other" },
      scopes: ["read_orders"],
    });
    const otherClient = sandboxClient(baseUrl(), shop.domain, other.accessToken);
    const mine = await otherClient<Installation>(INSTALLATION);
    expect(mine.body.data!.currentAppInstallation.accessScopes).toEqual([{ handle: "read_orders" }]);
    expect(mine.body.data!.currentAppInstallation.app.handle).toBe("other");

    const nodes = await otherClient<{ nodes: unknown[] }>(
      `#graphql
      query Nodes($ids: [ID!]!) { nodes(ids: $ids) { id } }`,
      {
        ids: [
          `gid://shopify/AppInstallation/${installation.id}`,
          `gid://shopify/AppInstallation/${other.installation.id}`,
          "gid://shopify/App/99001",
        ],
      },
    );
    expect(nodes.body.data!.nodes).toEqual([
      null,
      { id: `gid://shopify/AppInstallation/${other.installation.id}` },
      { id: "gid://shopify/App/99001" },
    ]);
    const ours = await sandboxClient(baseUrl(), shop.domain, accessToken)<Installation>(INSTALLATION);
    expect(ours.body.data!.currentAppInstallation.accessScopes).toHaveLength(7);
  });
});
