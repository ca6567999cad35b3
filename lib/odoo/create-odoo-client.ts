// The one Odoo client: reads the server's version and speaks JSON-2 on 19+ and JSON-RPC below
// (or the protocol forced by the connection's setting), with named arguments either way. Calls are
// limited per connection, time out per attempt, and are retried with jittered backoff on transient
// failures only — and a call that is not idempotent only when Odoo certainly did not run it (429,
// 503, a refused connection, a rolled-back concurrency error). Reads and creates are batched.
// The API key never reaches a message, an error or a log.
import {
  OdooAccessDeniedError,
  OdooAddressRefusedError,
  OdooBadCredentialsError,
  OdooError,
  OdooMissingRecordError,
  OdooNotFoundError,
  OdooServerError,
  OdooTransientError,
  OdooValidationError,
  type OdooErrorDetails,
} from "./errors";
import { withConnectionSlot } from "./connection-limit";
import { parseVersionInfo, protocolFor, type OdooProtocol, type OdooServerVersion } from "./odoo-version";
import { sendOdooRequest, type AttemptOutcome, type OdooFailure } from "./send-odoo-request";

export type OdooClientLogger = { warn: (details: object, message: string) => void };

export type CreateOdooClientOptions = {
  /** The server root, e.g. https://mycompany.odoo.com (a sandbox: …/api/sandbox/odoo/<db>). */
  url: string;
  database: string;
  login: string;
  apiKey: string;
  /** "auto" (default): JSON-2 from Odoo 19, JSON-RPC below. */
  protocol?: "auto" | OdooProtocol;
  timeoutMs?: number;
  /** Retries after the first attempt, transient failures only. */
  maxRetries?: number;
  /** Per call, retries included. */
  deadlineMs?: number;
  backoff?: { baseMs?: number; capMs?: number };
  /** Calls in flight per connection in this process. */
  concurrency?: number;
  readBatchSize?: number;
  createBatchSize?: number;
  logger?: OdooClientLogger;
};

export type OdooCallOptions = {
  ids?: number[];
  args?: Record<string, unknown>;
  context?: Record<string, unknown>;
  signal?: AbortSignal;
};

export type OdooDomain = unknown[];
export type OdooRecord = { id: number } & Record<string, unknown>;

/** Methods that read, or whose repetition changes nothing: retried after any transient failure. */
const IDEMPOTENT = new Set([
  "search",
  "search_read",
  "search_count",
  "read",
  "fields_get",
  "name_search",
  "name_get",
  "exists",
  "check_access_rights",
  "has_access",
  "check_access",
  "context_get",
  "write",
  "unlink",
]);

export type OdooClient = ReturnType<typeof createOdooClient>;

export function createOdooClient(options: CreateOdooClientOptions) {
  const {
    database,
    login,
    apiKey,
    protocol: forced = "auto",
    timeoutMs = 30_000,
    maxRetries = 4,
    deadlineMs = 120_000,
    backoff = {},
    concurrency = 4,
    readBatchSize = 500,
    createBatchSize = 100,
    logger,
  } = options;
  const root = options.url.replace(/\/+$/, "");
  const server = safeOrigin(root);
  const slotKey = `${root}|${database}|${login}`;
  let versionPromise: Promise<OdooServerVersion> | undefined;
  /** Logical calls sent (a retried call counts once): what a sync reports as Odoo calls per item. */
  let callsSent = 0;
  let uidPromise: Promise<number> | undefined;

  const details = (call: string, extra: Partial<OdooErrorDetails> = {}): OdooErrorDetails => ({
    server,
    database,
    call,
    ...extra,
  });

  /** One logical call: slots, attempts, retries; returns the result or throws a typed error. */
  async function send(
    call: string,
    protocolUsed: OdooProtocol,
    path: string,
    body: unknown,
    { idempotent, signal }: { idempotent: boolean; signal?: AbortSignal },
  ): Promise<unknown> {
    const started = Date.now();
    callsSent += 1;
    const headers: Record<string, string> = {
      "content-type": "application/json; charset=utf-8",
      accept: "application/json",
      "x-odoo-database": database,
    };
    if (protocolUsed === "json2") headers.authorization = `bearer ${apiKey}`;
    const text = JSON.stringify(body);
    for (let attempt = 1; ; attempt++) {
      const remaining = deadlineMs - (Date.now() - started);
      const outcome: AttemptOutcome = await withConnectionSlot(slotKey, concurrency, () =>
        sendOdooRequest({
          url: `${root}${path}`,
          headers,
          body: text,
          timeoutMs: Math.min(timeoutMs, Math.max(1, remaining)),
          signal,
          protocol: protocolUsed,
        }),
      );
      if (outcome.kind === "result") return outcome.value;
      if (outcome.kind === "refused-address")
        throw new OdooAddressRefusedError(outcome.refusal.message, details(call, { cause: outcome.refusal }));
      if (outcome.kind === "odoo-error") throw typedError(call, outcome.error);
      if (outcome.kind === "not-found")
        throw new OdooNotFoundError("endpoint", details(call, { status: outcome.status }));
      if (outcome.kind === "bad-answer")
        throw new OdooServerError(details(call, { status: outcome.status, odooMessage: outcome.reason }));
      const retryable = idempotent || !outcome.processed;
      const wait = outcome.retryAfterMs ?? backoffMs(attempt, backoff);
      if (!retryable || attempt > maxRetries || Date.now() - started + wait > deadlineMs) {
        const why = retryable ? outcome.reason : `${outcome.reason} (not retried: Odoo may have applied it)`;
        throw new OdooTransientError(why, attempt, details(call, { cause: outcome.cause }));
      }
      logger?.warn(
        { server, database, call, attempt, reason: outcome.reason, waitMs: Math.round(wait) },
        "odoo call retried",
      );
      await sleep(wait, signal);
    }
  }

  function typedError(call: string, error: OdooFailure): OdooError {
    const d = details(call, { odooName: error.name, odooMessage: error.message, status: error.status });
    switch (error.name) {
      case "odoo.exceptions.AccessDenied":
        return new OdooBadCredentialsError(d);
      case "werkzeug.exceptions.Unauthorized":
        return new OdooBadCredentialsError(d);
      case "odoo.exceptions.AccessError":
        return new OdooAccessDeniedError(d);
      case "odoo.exceptions.ValidationError":
      case "odoo.exceptions.UserError":
        // execute_kw answers an unknown model with UserError("Object x doesn't exist").
        if (/^Object \S+ doesn't exist$/.test(error.message.trim())) return new OdooNotFoundError("model", d);
        return new OdooValidationError(d);
      case "odoo.exceptions.MissingError":
        return new OdooMissingRecordError(d);
      case "werkzeug.exceptions.NotFound":
        return new OdooNotFoundError(
          /method/.test(error.message) ? "method" : /model/.test(error.message) ? "model" : "endpoint",
          d,
        );
      case "builtins.AttributeError":
        if (/has no attribute|does not exist/.test(error.message)) return new OdooNotFoundError("method", d);
        return new OdooServerError(d);
      case "psycopg2.OperationalError":
        if (/database ".*" does not exist/.test(error.message)) return new OdooNotFoundError("database", d);
        return new OdooServerError(d);
      default:
        return new OdooServerError(d);
    }
  }

  function version(): Promise<OdooServerVersion> {
    versionPromise ??= (async () => {
      const result = await send(
        "version_info",
        "jsonrpc",
        "/web/webclient/version_info",
        { jsonrpc: "2.0", method: "call", id: 1, params: {} },
        { idempotent: true },
      );
      const parsed = parseVersionInfo(result);
      if (!parsed)
        throw new OdooServerError(details("version_info", { odooMessage: "the server did not report its version" }));
      return parsed;
    })().catch((error: unknown) => {
      versionPromise = undefined;
      throw error;
    });
    return versionPromise;
  }

  async function protocol(): Promise<OdooProtocol> {
    return forced === "auto" ? protocolFor(await version()) : forced;
  }

  async function rpc(
    service: string,
    method: string,
    args: unknown[],
    call: string,
    idempotent: boolean,
    signal?: AbortSignal,
  ) {
    return send(
      call,
      "jsonrpc",
      "/jsonrpc",
      { jsonrpc: "2.0", method: "call", id: 1, params: { service, method, args } },
      { idempotent, signal },
    );
  }

  function uid(): Promise<number> {
    uidPromise ??= (async () => {
      if ((await protocol()) === "json2") {
        const context = (await call("res.users", "context_get")) as { uid?: number };
        if (typeof context?.uid !== "number")
          throw new OdooServerError(details("res.users.context_get", { odooMessage: "no uid in the context" }));
        return context.uid;
      }
      const result = await rpc("common", "authenticate", [database, login, apiKey, {}], "common.authenticate", true);
      if (typeof result !== "number") throw new OdooBadCredentialsError(details("common.authenticate"));
      return result;
    })().catch((error: unknown) => {
      uidPromise = undefined;
      throw error;
    });
    return uidPromise;
  }

  /** Any public method of a model, with named arguments (`ids` for record methods). */
  async function call<T = unknown>(
    model: string,
    method: string,
    { ids, args = {}, context, signal }: OdooCallOptions = {},
  ): Promise<T> {
    const name = `${model}.${method}`;
    const idempotent = IDEMPOTENT.has(method);
    if ((await protocol()) === "json2") {
      const body = { ...args, ...(ids ? { ids } : {}), ...(context ? { context } : {}) };
      return (await send(name, "json2", `/json/2/${encodeURIComponent(model)}/${encodeURIComponent(method)}`, body, {
        idempotent,
        signal,
      })) as T;
    }
    const userId = await uid();
    const kwargs = { ...args, ...(context ? { context } : {}) };
    return (await rpc(
      "object",
      "execute_kw",
      [database, userId, apiKey, model, method, ids ? [ids] : [], kwargs],
      name,
      idempotent,
      signal,
    )) as T;
  }

  const chunks = <T>(list: T[], size: number) =>
    Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

  return {
    server,
    database,
    /** Calls sent so far by this client (retries not counted). */
    calls: () => callsSent,
    version,
    protocol,
    uid,
    call,
    search: (
      model: string,
      domain: OdooDomain,
      opts: { limit?: number; offset?: number; order?: string; context?: Record<string, unknown> } = {},
    ) =>
      call<number[]>(model, "search", {
        args: { domain, ...pick(opts, ["limit", "offset", "order"]) },
        context: opts.context,
      }),
    searchCount: (model: string, domain: OdooDomain, context?: Record<string, unknown>) =>
      call<number>(model, "search_count", { args: { domain }, context }),
    searchRead: <R extends OdooRecord = OdooRecord>(
      model: string,
      opts: {
        domain?: OdooDomain;
        fields?: string[];
        limit?: number;
        offset?: number;
        order?: string;
        context?: Record<string, unknown>;
      } = {},
    ) =>
      call<R[]>(model, "search_read", {
        args: { domain: opts.domain ?? [], ...pick(opts, ["fields", "limit", "offset", "order"]) },
        context: opts.context,
      }),
    /** Reads any number of records in batches (in parallel within the connection's limit), in the order asked. */
    read: async <R extends OdooRecord = OdooRecord>(
      model: string,
      ids: number[],
      fields?: string[],
      context?: Record<string, unknown>,
    ) => {
      const parts = await Promise.all(
        chunks(ids, readBatchSize).map((part) =>
          call<R[]>(model, "read", { ids: part, args: fields ? { fields } : {}, context }),
        ),
      );
      return parts.flat();
    },
    /** Creates any number of records in batches of `createBatchSize`; ids in the order of `valsList`. */
    create: async (model: string, valsList: Record<string, unknown>[], context?: Record<string, unknown>) => {
      const parts = await Promise.all(
        chunks(valsList, createBatchSize).map((part) =>
          call<number[] | number>(model, "create", { args: { vals_list: part }, context }),
        ),
      );
      return parts.flatMap((part) => (Array.isArray(part) ? part : [part]));
    },
    write: (model: string, ids: number[], vals: Record<string, unknown>, context?: Record<string, unknown>) =>
      call<boolean>(model, "write", { ids, args: { vals }, context }),
    unlink: (model: string, ids: number[], context?: Record<string, unknown>) =>
      call<boolean>(model, "unlink", { ids, context }),
    fieldsGet: (model: string, attributes: string[] = ["type", "string", "required", "relation", "selection"]) =>
      call<Record<string, Record<string, unknown>>>(model, "fields_get", { args: { attributes } }),
  };
}

function pick<T extends object>(source: T, keys: (keyof T)[]): Partial<T> {
  const out: Partial<T> = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}

function safeOrigin(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return "(invalid URL)";
  }
}

/** Half fixed, half random, of min(cap, base × 2^(attempt-1)). */
function backoffMs(attempt: number, { baseMs = 200, capMs = 5_000 }: { baseMs?: number; capMs?: number }) {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return ceiling / 2 + (Math.random() * ceiling) / 2;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
