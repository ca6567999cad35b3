// Issue 11, findings 4 and 5 (docs/threat-model.md, T4): a table of hostile strings sent to every
// route that takes text — each path parameter, the query and a JSON body — none may answer 5xx.
// Routes are discovered from app/api, so a new route is in the table without editing it. NUL and
// unpaired surrogates are refused with a 422 naming the field; names refuse line breaks and
// bidirectional overrides; 10 MB is refused by size. better-auth's own routes get the same rule.
import { globSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import * as authRoute from "@/app/api/auth/[...all]/route";
import * as organizationRoute from "@/app/api/organization/route";
import * as organizationsRoute from "@/app/api/organizations/route";
import * as storeRoute from "@/app/api/stores/[storeId]/route";
import { addSandboxStoreAs } from "@/lib/stores/testing/store-helpers";
import { clientHeaders, createOrg, fakeIp, signUp, type TestUser } from "@/lib/testing/accounts";
import { BASE_URL, call } from "@/lib/testing/http";

const TEN_MB = "x".repeat(10 * 1024 * 1024);
const HOSTILE = {
  nul: "a\u0000b",
  "unpaired surrogate": "a\uD800b",
  "RTL override": "gnp.\u202Eexe",
  "CR/LF": "a\r\nInjected: header",
  "10 MB": TEN_MB,
} as const;
type Kind = keyof typeof HOSTILE;
const REFUSED_AS_TEXT: Kind[] = ["nul", "unpaired surrogate"];
// Node refuses request heads over 16 KB (431) before any route runs; in a path or query the long
// string is 64 KB, past anything a route takes there.
const LONG_URL_TEXT = "x".repeat(64 * 1024);
const inUrl = (kind: Kind) => (kind === "10 MB" ? LONG_URL_TEXT : HOSTILE[kind]);

// Outside this table: better-auth (below), the sandbox stand-ins for Shopify and Odoo (their own
// contract tests), and the webhook receiver (lib/webhooks/webhook-hardening.test.ts).
const SKIP = /^app\/api\/(auth|sandbox|webhooks)\//;
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
// Routes whose body is an uploaded file with a size cap of its own (far above 10 MB): there a
// 10 MB body that is not such a file is a 422 saying so.
const FILE_ROUTES = ["/api/stores/[storeId]/restores"];
const BODY_FIELDS = ["name", "email", "role", "shop", "accessToken", "organizationId", "size", "metafieldNamespace"];

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Route = { file: string; url: string; params: string[]; module: Record<string, unknown> };

let owner: TestUser;
let storeId: string;

async function routes(): Promise<Route[]> {
  const root = path.resolve(import.meta.dirname, "../..");
  const files = globSync("app/api/**/route.ts", { cwd: root }).filter((file) => !SKIP.test(file));
  return Promise.all(
    files.map(async (file) => {
      const segments = file.split(path.sep).slice(1, -1);
      return {
        file,
        url: "/" + segments.join("/"),
        params: segments.filter((s) => s.startsWith("[")).map((s) => s.slice(1, -1)),
        module: (await import(pathToFileURL(path.join(root, file)).href)) as Record<string, unknown>,
      };
    }),
  );
}

function validParams(names: string[]): Record<string, string> {
  const values: Record<string, string> = { storeId, type: "product", shopifyId: "1" };
  return Object.fromEntries(names.map((name) => [name, values[name] ?? crypto.randomUUID()]));
}

/** Calls a route and reads its answer; an event stream is cancelled once its status is known. */
async function send(handler: Handler, method: string, params: Record<string, string>, query: string, body?: unknown) {
  const controller = new AbortController();
  const headers = new Headers({ cookie: owner.cookie, ...clientHeaders(owner.ip) });
  if (body !== undefined) headers.set("content-type", "application/json");
  const req = new Request(`${BASE_URL}/x${query}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: controller.signal,
  });
  const res = await handler(req, { params: Promise.resolve(params) });
  if (res.headers.get("content-type")?.startsWith("text/event-stream")) {
    controller.abort();
    await res.body?.cancel().catch(() => {});
    return { status: res.status, body: null };
  }
  const text = await res.text();
  let parsed: any = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = text;
  }
  return { status: res.status, body: parsed };
}

beforeAll(async () => {
  owner = await signUp();
  await createOrg(owner);
  storeId = (await addSandboxStoreAs(owner, "small")).id;
});

describe("hostile strings on every route that takes text", () => {
  it.each(Object.keys(HOSTILE) as Kind[])(
    "%s: no 5xx anywhere; text the product cannot take is a 422 naming the field",
    async (kind) => {
      const value = HOSTILE[kind];
      const failures: string[] = [];
      let calls = 0;
      for (const route of await routes()) {
        for (const method of METHODS) {
          const handler = route.module[method] as Handler | undefined;
          if (!handler) continue;
          const attempts: {
            where: string;
            field: string;
            params: Record<string, string>;
            query: string;
            body?: unknown;
          }[] = [
            ...route.params.map((name) => ({
              where: `param ${name}`,
              field: name,
              params: { ...validParams(route.params), [name]: inUrl(kind) },
              query: "",
            })),
            {
              where: "query",
              field: "q",
              params: validParams(route.params),
              query: `?q=${encodeURIComponent(kind === "unpaired surrogate" ? "x" : inUrl(kind))}`,
            },
          ];
          if (method !== "GET" && method !== "DELETE")
            attempts.push({
              where: "body",
              field: BODY_FIELDS[0]!,
              params: validParams(route.params),
              query: "",
              // Ten megabytes once is enough to be refused by size.
              body: Object.fromEntries(BODY_FIELDS.map((field, i) => [field, kind === "10 MB" && i > 0 ? "x" : value])),
            });
          for (const attempt of attempts) {
            // A lone surrogate cannot be percent-encoded in a URL; it arrives through params and bodies.
            if (attempt.where === "query" && kind === "unpaired surrogate") continue;
            calls++;
            const res = await send(handler, method, attempt.params, attempt.query, attempt.body);
            const label = `${method} ${route.url} (${attempt.where}) → ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`;
            if (res.status >= 500) failures.push(label);
            else if (REFUSED_AS_TEXT.includes(kind) && (res.status !== 422 || res.body?.error?.field !== attempt.field))
              failures.push(`expected 422 naming ${attempt.field}: ${label}`);
            else if (kind === "10 MB" && attempt.where === "body" && FILE_ROUTES.includes(route.url)) {
              if (res.status !== 422) failures.push(`expected 422: ${label}`);
            } else if (kind === "10 MB" && attempt.where === "body" && res.status !== 413)
              failures.push(`expected 413: ${label}`);
            else if (kind === "10 MB" && attempt.where !== "body" && res.status !== 422)
              failures.push(`expected 422: ${label}`);
          }
        }
      }
      expect(failures).toEqual([]);
      expect(calls).toBeGreaterThan(40);
    },
    240_000,
  );

  it.each([
    ["a line break", "Acme\nCorp"],
    ["an RTL override", "Acme\u202Eproc"],
    ["a NUL", "Acme\u0000"],
    ["an unpaired surrogate", "Acme\uDC00"],
  ])("refuses %s in organization and store names with a 422 naming the field", async (_case, name) => {
    for (const [handler, method, params] of [
      [organizationsRoute.POST, "POST", {}],
      [organizationRoute.PATCH, "PATCH", {}],
      [storeRoute.PATCH, "PATCH", { storeId }],
    ] as const) {
      const res = await call(handler, method, "/x", { cookie: owner.cookie, params, body: { name } });
      expect(res.status).toBe(422);
      expect(res.body.error.field).toBe("name");
    }
  });
});

describe("better-auth's own routes", () => {
  const auth = (path: string, body: unknown, user?: TestUser) =>
    call(authRoute.POST, "POST", `/api/auth${path}`, {
      body,
      cookie: user?.cookie,
      headers: clientHeaders(user?.ip ?? fakeIp()),
    });

  it.each(Object.keys(HOSTILE) as Kind[])("%s in sign-up, sign-in and update-user never answers 5xx", async (kind) => {
    const value = HOSTILE[kind];
    const user = await signUp();
    const results = [
      await auth("/sign-up/email", { name: value, email: `${value}@example.test`, password: "correct-horse-42" }),
      await auth("/sign-in/email", { email: value, password: value }),
      await auth("/update-user", { name: value }, user),
      await auth("/change-password", { currentPassword: value, newPassword: value }, user),
    ];
    for (const res of results) expect(res.status).toBeLessThan(500);
    if (REFUSED_AS_TEXT.includes(kind)) for (const res of results) expect(res.status).toBe(422);
  });

  it.each([
    ["an 8 MB name", "x".repeat(8 * 1024 * 1024)],
    ["a 101-character name", "x".repeat(101)],
    ["a name with line breaks", "Eve\r\nAdmin"],
    ["a name with an RTL override", "Eve\u202Enimda"],
  ])("refuses %s on update-user and keeps the old name", async (_case, name) => {
    const user = await signUp();
    const res = await auth("/update-user", { name }, user);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const session = await call(authRoute.GET, "GET", "/api/auth/get-session", { cookie: user.cookie });
    expect(session.body.user.name).toBe(user.name);
  });
});
