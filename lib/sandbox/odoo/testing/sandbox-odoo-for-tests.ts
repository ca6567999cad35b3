// Test helpers: one sandbox Odoo server per test file on an ephemeral port, a fresh database per
// call of `newDatabase`, and bare JSON-RPC / JSON-2 calls over real HTTP.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import type { SandboxOdooVersion } from "@/db/schema/sandbox-odoo";
import { createSandboxOdooDatabase } from "../create-sandbox-odoo-database";
import { serveSandboxOdoo, type RunningSandboxOdoo } from "../serve-sandbox-odoo";

export function startSandboxOdooForTests(): () => string {
  let server: RunningSandboxOdoo | undefined;
  beforeAll(async () => {
    server = await serveSandboxOdoo();
  });
  afterAll(async () => {
    await server?.close();
  });
  return () => {
    if (!server) throw new Error("sandbox odoo not started");
    return server.url;
  };
}

export async function newDatabase(version: SandboxOdooVersion, options: { adminPassword?: string } = {}) {
  const name = `t${version}_${randomBytes(5).toString("hex")}`;
  const created = await createSandboxOdooDatabase({ name, version, adminPassword: options.adminPassword });
  return { ...created, name };
}

export const rootOf = (baseUrl: string, database: string) => `${baseUrl}/api/sandbox/odoo/${database}`;

export async function jsonRpc(root: string, service: string, method: string, args: unknown[]) {
  const response = await fetch(`${root}/jsonrpc`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", method: "call", id: 7, params: { service, method, args } }),
  });
  return { status: response.status, body: (await response.json()) as JsonRpcBody };
}

export type JsonRpcBody = {
  jsonrpc: "2.0";
  id: unknown;
  result?: unknown;
  error?: {
    code: number;
    message: string;
    data: { name: string; message: string; arguments: unknown[]; debug: string; context: object };
  };
};

/** execute_kw as the administrator (uid 2) with the API key. */
export function executeKw(root: string, db: { name: string; apiKey: string; uid?: number }) {
  return (model: string, method: string, args: unknown[] = [], kwargs: Record<string, unknown> = {}) =>
    jsonRpc(root, "object", "execute_kw", [db.name, db.uid ?? 2, db.apiKey, model, method, args, kwargs]);
}

export async function json2(
  root: string,
  key: string | null,
  model: string,
  method: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${root}/json/2/${model}/${method}`, {
    method: "POST",
    headers: {
      "content-type": "application/json; charset=utf-8",
      ...(key ? { authorization: `bearer ${key}` } : {}),
      ...headers,
    },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* HTML pages stay text */
  }
  return { status: response.status, headers: response.headers, body: parsed as Record<string, unknown> & unknown[] };
}
