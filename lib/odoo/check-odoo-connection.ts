// A connection test: can Synco reach this Odoo, is it a version Synco supports, is the database
// there, do the login and API key work, and may that user read, create and write what the sync
// needs? Each failure is named (lib/vocabulary/odoo.ts) with a message that says what to fix.
// Never echoes the API key.
import {
  ODOO_OPERATIONS,
  ODOO_SYNC_MODELS,
  SUPPORTED_ODOO_VERSIONS,
  type OdooConnectionProblem,
  type OdooOperation,
} from "@/lib/vocabulary/odoo";
import { createOdooClient, type CreateOdooClientOptions } from "./create-odoo-client";
import {
  OdooAccessDeniedError,
  OdooAddressRefusedError,
  OdooBadCredentialsError,
  OdooError,
  OdooNotFoundError,
  OdooTransientError,
} from "./errors";
import { isSupportedOdooVersion, parseVersionInfo, protocolFor, type OdooProtocol } from "./odoo-version";
import { sendOdooRequest } from "./send-odoo-request";

export type OdooRightCheck = { model: string; label: string; granted: Record<OdooOperation, boolean> };

export type OdooConnectionCheck = {
  ok: boolean;
  problem: OdooConnectionProblem | null;
  /** What went wrong and what to do, for people; null when all is well. */
  message: string | null;
  version: { serverVersion: string; major: number } | null;
  /** The protocol the sync will speak. */
  protocol: OdooProtocol | null;
  user: { uid: number; name: string; login: string } | null;
  rights: OdooRightCheck[];
};

type CheckOptions = Pick<CreateOdooClientOptions, "url" | "database" | "login" | "apiKey" | "protocol"> & {
  timeoutMs?: number;
};

export async function checkOdooConnection(options: CheckOptions): Promise<OdooConnectionCheck> {
  const result: OdooConnectionCheck = {
    ok: false,
    problem: null,
    message: null,
    version: null,
    protocol: null,
    user: null,
    rights: [],
  };
  const fail = (problem: OdooConnectionProblem, message: string) => ({ ...result, problem, message });
  const client = createOdooClient({
    ...options,
    timeoutMs: options.timeoutMs ?? 10_000,
    maxRetries: 1,
    deadlineMs: 20_000,
    backoff: { baseMs: 100, capMs: 500 },
  });
  const server = client.server;
  // What any step may meet that none handles on its own: the address guard's refusal, else the error's words.
  const otherFailure = (error: unknown) =>
    error instanceof OdooAddressRefusedError
      ? fail("address", addressMessage(server))
      : fail("error", messageOf(error));

  // Is it an Odoo at all, and which? Asked without naming the database, as a browser would.
  const probe = await sendOdooRequest({
    url: `${options.url.replace(/\/+$/, "")}/web/webclient/version_info`,
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", method: "call", id: 1, params: {} }),
    timeoutMs: options.timeoutMs ?? 10_000,
    protocol: "jsonrpc",
  });
  if (probe.kind === "refused-address") return fail("address", addressMessage(server));
  if (probe.kind === "transient")
    return fail(
      "unreachable",
      `Synco could not reach ${server}: ${reasonOf(probe.reason, probe.cause)}. Check the URL.`,
    );
  if (probe.kind === "bad-answer" && probe.status >= 300 && probe.status < 400)
    return fail(
      "not_odoo",
      `${server} answered with a redirect, which Synco does not follow. Enter the address Odoo finally opens at (often https:// rather than http://).`,
    );
  const version = probe.kind === "result" ? parseVersionInfo(probe.value) : null;
  if (!version)
    return fail(
      "not_odoo",
      `${server} answered, but not as an Odoo server does (no version at /web/webclient/version_info). Check the URL: it is the address you open Odoo at, without /odoo or /web.`,
    );
  result.version = { serverVersion: version.serverVersion, major: version.major };
  if (!isSupportedOdooVersion(version))
    return fail(
      "unsupported_version",
      `${server} runs Odoo ${version.serverVersion}; Synco supports Odoo ${SUPPORTED_ODOO_VERSIONS.join(", ")}.`,
    );
  if (options.protocol === "json2" && protocolFor(version) !== "json2")
    return fail(
      "protocol",
      `Odoo ${version.serverVersion} has no JSON-2 API (it came with Odoo 19): choose Automatic or JSON-RPC.`,
    );
  const wrongDatabase = () =>
    fail(
      "database",
      `${server} has no database “${options.database}” (or does not serve it at this URL). Check the database name: it is shown in the database manager (/web/database/selector) or by your Odoo host.`,
    );
  try {
    // The same question naming the database: a server that serves one database per address refuses another.
    await client.version();
    result.protocol = await client.protocol();
  } catch (error) {
    if (error instanceof OdooNotFoundError) return wrongDatabase();
    if (error instanceof OdooTransientError)
      return fail("unreachable", `Synco lost ${server}: ${reasonOf(error.message, error.cause)}.`);
    return otherFailure(error);
  }

  try {
    const uid = await client.uid();
    const [user] = await client.read<{ id: number; name: string; login: string }>(
      "res.users",
      [uid],
      ["name", "login"],
    );
    result.user = { uid, name: user?.name ?? "", login: user?.login ?? "" };
  } catch (error) {
    if (error instanceof OdooNotFoundError) return wrongDatabase();
    if (error instanceof OdooBadCredentialsError)
      return fail(
        "credentials",
        `Odoo refused the login “${options.login}” with this API key. Check both: create a new key in Odoo under Preferences → Account Security → New API Key (keys expire from Odoo 18).`,
      );
    if (error instanceof OdooTransientError)
      return fail("unreachable", `Synco lost ${server} while signing in: ${reasonOf(error.message, error.cause)}.`);
    return otherFailure(error);
  }
  if (result.user.login && result.user.login.toLowerCase() !== options.login.trim().toLowerCase())
    return fail(
      "credentials",
      `This API key belongs to the Odoo user “${result.user.login}”, not “${options.login}”. Enter that login, or a key of “${options.login}”.`,
    );

  try {
    const major = result.version!.major;
    result.rights = await Promise.all(
      ODOO_SYNC_MODELS.map(async ({ model, label }) => {
        const granted = Object.fromEntries(
          await Promise.all(
            ODOO_OPERATIONS.map(async (operation) => [operation, await hasRight(client, major, model, operation)]),
          ),
        ) as Record<OdooOperation, boolean>;
        return { model, label, granted };
      }),
    );
  } catch (error) {
    return otherFailure(error);
  }
  const missing = result.rights.flatMap(({ model, label, granted }) =>
    ODOO_OPERATIONS.filter((operation) => !granted[operation]).map((operation) => `${operation} ${label} (${model})`),
  );
  if (missing.length)
    return fail(
      "rights",
      `The Odoo user “${result.user.login}” may not ${missing.join(", ")}. Give the user the Sales Administrator, Invoicing and Contact Creation rights in Odoo (Settings → Users), or connect as a user who has them.`,
    );
  return { ...result, ok: true };
}

/** Whether the user may take `operation` on `model`: check_access_rights up to 18, has_access from 19. */
async function hasRight(
  client: ReturnType<typeof createOdooClient>,
  major: number,
  model: string,
  operation: OdooOperation,
): Promise<boolean> {
  try {
    if (major >= 19) return (await client.call(model, "has_access", { ids: [], args: { operation } })) === true;
    return (await client.call(model, "check_access_rights", { args: { operation, raise_exception: false } })) === true;
  } catch (error) {
    // A model the database does not have (its app is not installed): the right is missing.
    if (error instanceof OdooNotFoundError || error instanceof OdooAccessDeniedError) return false;
    throw error;
  }
}

/** Not which address or kind: the test must not map the server's network for whoever types URLs. */
function addressMessage(server: string): string {
  return `Synco does not connect to ${server}: it is, or its name resolves to, an address that is not on the public internet (this machine, a private network or a link-local address). Enter the public address you open Odoo at. If your Odoo is self-hosted on a private network, whoever runs Synco can allow that with SYNCO_ODOO_ALLOW_PRIVATE_NETWORKS=true.`;
}

function reasonOf(reason: string, cause: unknown): string {
  const detail = [reason, ...causes(cause)].join(" ");
  if (/ECONNREFUSED/.test(detail)) return "the connection was refused (nothing listens at that address)";
  if (/ENOTFOUND|EAI_AGAIN/.test(detail)) return "the host name does not resolve";
  if (/bad port/i.test(detail)) return "that port is one browsers and Synco never connect to";
  if (/certificate|SSL|TLS/i.test(detail)) return "its HTTPS certificate is not valid";
  if (/no answer within/.test(detail)) return "it did not answer in time";
  return reason.replace(/^.*attempt\(s\): /, "");
}

function causes(error: unknown): string[] {
  const out: string[] = [];
  for (let current = error, depth = 0; current && depth < 4; depth++) {
    const { message, code, cause } = current as { message?: unknown; code?: unknown; cause?: unknown };
    if (typeof message === "string") out.push(message);
    if (typeof code === "string") out.push(code);
    current = cause;
  }
  return out;
}

function messageOf(error: unknown): string {
  if (error instanceof OdooError) return error.message;
  return "The connection test failed unexpectedly.";
}
