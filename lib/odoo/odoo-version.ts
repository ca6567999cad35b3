// The server's version as /web/webclient/version_info reports it, and the protocol for it:
// JSON-2 from 19 (and SaaS 18.4+, where it first shipped), JSON-RPC below (API-FACTS.md §0).

export type OdooServerVersion = { major: number; minor: number; serverVersion: string; serie: string };
export type OdooProtocol = "json2" | "jsonrpc";

export const SUPPORTED_ODOO_MAJORS = [16, 17, 18, 19] as const;

export function parseVersionInfo(result: unknown): OdooServerVersion | null {
  const info = result as { server_version?: unknown; server_version_info?: unknown; server_serie?: unknown } | null;
  const parts = Array.isArray(info?.server_version_info) ? info.server_version_info : null;
  if (!parts || typeof parts[0] !== "number") return null;
  // SaaS builds report e.g. "saas~18.4": major 18, minor 4.
  const serie = typeof info?.server_serie === "string" ? info.server_serie : `${parts[0]}.${parts[1] ?? 0}`;
  const minor = typeof parts[1] === "number" ? parts[1] : Number(/\.(\d+)/.exec(serie)?.[1] ?? 0);
  return { major: parts[0], minor, serverVersion: String(info?.server_version ?? serie), serie };
}

export const protocolFor = (version: OdooServerVersion): OdooProtocol =>
  version.major > 18 || (version.major === 18 && version.minor >= 4) ? "json2" : "jsonrpc";

export const isSupportedOdooVersion = (version: OdooServerVersion): boolean =>
  (SUPPORTED_ODOO_MAJORS as readonly number[]).includes(version.major);
