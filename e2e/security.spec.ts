// Issue 11 over HTTP against the built app (docs/threat-model.md): what lives in front of the route
// handlers — the server that resolves client addresses, Next.js's headers and body handling. A
// second `npm start` on this checkout's PORT runs with no trusted proxy, as a fresh clone does; the
// suite's own server trusts this machine as the specs' proxy (playwright.config.ts).
import { spawn, type ChildProcess } from "node:child_process";
import { createHmac } from "node:crypto";
import { expect, test } from "@playwright/test";
import { PASSWORD, uniqueSuffix } from "./helpers";

const PORT = Number(process.env.PORT ?? 3101);
const BASE = `http://localhost:${PORT}`;
let server: ChildProcess;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(600_000);
  server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: {
      ...process.env,
      PORT: String(PORT),
      SYNCO_APP_URL: BASE,
      SYNCO_DB_NAME: "synco_e2e",
      SYNCO_TRUSTED_PROXIES: "",
    },
    stdio: "ignore",
  });
  for (const deadline = Date.now() + 590_000; Date.now() < deadline;) {
    if (
      await fetch(`${BASE}/api/health`).then(
        (res) => res.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the second server did not answer on ${BASE}`);
});

test.afterAll(async () => {
  if (server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  await exited;
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${BASE}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: BASE, ...headers },
    body: JSON.stringify(body),
  });

test("a client cannot pick its own address: forged X-Forwarded-For neither escapes the limiter nor reaches the audit log", async () => {
  const suffix = uniqueSuffix();
  const owner = { name: "Owner", email: `owner-${suffix}@example.test`, password: PASSWORD };
  const signedUp = await post("/api/auth/sign-up/email", owner, { "x-forwarded-for": "198.51.100.201" });
  expect(signedUp.status).toBe(200);
  const cookie = signedUp.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const created = await post(
    "/api/organizations",
    { name: `Addr ${suffix}` },
    { cookie, "x-forwarded-for": "6.6.6.6" },
  );
  expect(created.status).toBe(201);
  const audit = await fetch(`${BASE}/api/organization/audit`, { headers: { cookie } });
  const entries = ((await audit.json()) as { entries: { ip: string | null }[] }).entries;
  expect(entries[0]!.ip).toMatch(/^(127\.0\.0\.1|::1)$/);

  // Thirty guesses, a new X-Forwarded-For each: limited within the first few.
  const statuses: number[] = [];
  for (let i = 0; i < 30; i++) {
    const res = await post(
      "/api/auth/sign-in/email",
      { email: owner.email, password: `guess-${i}-0` },
      { "x-forwarded-for": `203.0.113.${i + 1}` },
    );
    statuses.push(res.status);
  }
  expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
  expect(statuses.slice(3).every((status) => status === 429)).toBe(true);
});

test("every API answer carries Cache-Control: no-store", async () => {
  for (const path of ["/api/health", "/api/me", "/api/auth/get-session", "/api/stores/nope"]) {
    const res = await fetch(`${BASE}${path}`);
    expect(res.headers.get("cache-control"), path).toBe("no-store");
  }
});

test("the webhook route refuses a 10 MB body with 413 before reading it", async () => {
  const body = JSON.stringify({ id: 1, title: "x".repeat(10 * 1024 * 1024) });
  const res = await fetch(`${BASE}/api/webhooks/shopify`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-shopify-topic": "products/update",
      "x-shopify-shop-domain": "nobody.myshopify.com",
      "x-shopify-webhook-id": uniqueSuffix(),
      "x-shopify-hmac-sha256": createHmac("sha256", "forged").update(body).digest("base64"),
    },
    body,
  });
  expect(res.status).toBe(413);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe("payload_too_large");
});
