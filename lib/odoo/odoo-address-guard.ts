// Where the Odoo client may connect (threat T9, decision 105): a merchant's Odoo is on the public
// internet, so every request resolves the host, refuses any address that is not public, and
// connects to the very address it checked (the agent's `lookup`, so no second DNS answer can slip
// in between; TLS still names the host). Redirects are not followed. Two exceptions: the sandbox
// Odoo this app serves (the app's own origin, under /api/sandbox/odoo/, decision 73), and, when the
// operator sets SYNCO_ODOO_ALLOW_PRIVATE_NETWORKS=true, private networks and loopback for a
// self-hosted Odoo. Link-local (cloud metadata), unspecified, multicast and reserved addresses are
// refused always.
import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions, type LookupOptions } from "node:dns";
import { BlockList, isIP } from "node:net";
import { Agent } from "undici";
import { appUrl } from "@/lib/runtime/app-url";

/** The route the app serves sandbox Odoo databases at (app/api/sandbox/odoo). */
const SANDBOX_ODOO_PATH = "/api/sandbox/odoo/";

export const ALLOW_PRIVATE_NETWORKS_ENV = "SYNCO_ODOO_ALLOW_PRIVATE_NETWORKS";

export type AddressKind = "loopback" | "private" | "link-local" | "unspecified" | "reserved";

const ranges: [AddressKind, string, number, "ipv4" | "ipv6"][] = [
  ["unspecified", "0.0.0.0", 8, "ipv4"],
  ["private", "10.0.0.0", 8, "ipv4"],
  ["private", "100.64.0.0", 10, "ipv4"], // carrier-grade NAT
  ["loopback", "127.0.0.0", 8, "ipv4"],
  ["link-local", "169.254.0.0", 16, "ipv4"], // cloud metadata (169.254.169.254)
  ["private", "172.16.0.0", 12, "ipv4"],
  ["reserved", "192.0.0.0", 24, "ipv4"],
  ["reserved", "192.0.2.0", 24, "ipv4"],
  ["private", "192.168.0.0", 16, "ipv4"],
  ["reserved", "198.18.0.0", 15, "ipv4"],
  ["reserved", "198.51.100.0", 24, "ipv4"],
  ["reserved", "203.0.113.0", 24, "ipv4"],
  ["reserved", "224.0.0.0", 3, "ipv4"], // multicast, reserved, broadcast
  ["unspecified", "::", 128, "ipv6"],
  ["loopback", "::1", 128, "ipv6"],
  ["reserved", "100::", 64, "ipv6"],
  ["reserved", "2001:db8::", 32, "ipv6"],
  ["private", "fc00::", 7, "ipv6"], // unique local
  ["link-local", "fe80::", 10, "ipv6"],
  ["private", "fec0::", 10, "ipv6"], // site-local (deprecated)
  ["reserved", "ff00::", 8, "ipv6"],
];
const lists = new Map<AddressKind, BlockList>();
for (const [kind, network, prefix, family] of ranges) {
  if (!lists.has(kind)) lists.set(kind, new BlockList());
  lists.get(kind)!.addSubnet(network, prefix, family);
}

/** What kind of non-public address this is, or null for a public one (or not an address). */
export function nonPublicKind(address: string): AddressKind | null {
  const family = isIP(address);
  if (family === 0) return null;
  if (family === 6) {
    // An IPv4 address carried in IPv6 (mapped ::ffff:a.b.c.d, compatible ::a.b.c.d, NAT64 64:ff9b::/96,
    // 6to4 2002::/16) is judged as that IPv4 address.
    const embedded = embeddedIpv4(address);
    if (embedded) return nonPublicKind(embedded);
  }
  for (const [kind, list] of lists) if (list.check(address, family === 4 ? "ipv4" : "ipv6")) return kind;
  return null;
}

/** Whether the operator's opt-in lets this kind through. */
function allowed(kind: AddressKind): boolean {
  return (kind === "private" || kind === "loopback") && process.env[ALLOW_PRIVATE_NETWORKS_ENV] === "true";
}

/** The refusal, thrown from the lookup or before connecting; callers find it in an error's causes. */
export class OdooAddressRefusal extends Error {
  readonly code = "SYNCO_ODOO_ADDRESS_REFUSED";
  constructor(
    readonly host: string,
    readonly kind: AddressKind,
  ) {
    super(`${host} is or resolves to a ${kind} address, which Synco does not connect to`);
    this.name = "OdooAddressRefusal";
  }
}

/** The sandbox Odoo this app serves: exactly the app's origin, under the sandbox Odoo route. */
export function isAppSandboxOdooUrl(url: URL): boolean {
  let app: URL;
  try {
    app = new URL(appUrl());
  } catch {
    return false;
  }
  return url.origin === app.origin && url.pathname.startsWith(SANDBOX_ODOO_PATH);
}

function bareHost(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
}

/**
 * What the URL itself says, without DNS: a refusal for a literal non-public address or a name
 * that always means this machine (localhost, *.localhost); null otherwise.
 */
export function literalAddressRefusal(value: string | URL): OdooAddressRefusal | null {
  const url = typeof value === "string" ? new URL(value) : value;
  if (isAppSandboxOdooUrl(url)) return null;
  const host = bareHost(url);
  const kind =
    host === "localhost" || host.endsWith(".localhost") || host === "localhost." ? "loopback" : nonPublicKind(host);
  return kind && !allowed(kind) ? new OdooAddressRefusal(host, kind) : null;
}

/** dns.lookup that refuses a name if any address it resolves to is not allowed. */
function guardedLookup(
  hostname: string,
  options: LookupOptions,
  callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
): void {
  dnsLookup(hostname, { ...options, all: true } as LookupAllOptions, (error, addresses) => {
    if (error) return callback(error, "");
    for (const { address } of addresses) {
      const kind = nonPublicKind(address);
      if (kind && !allowed(kind)) return callback(new OdooAddressRefusal(hostname, kind), "");
    }
    if (options.all) return callback(null, addresses);
    const [first] = addresses;
    if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), "");
    callback(null, first.address, first.family);
  });
}

let guarded: Agent | undefined;
let sandbox: Agent | undefined;

/**
 * The dispatcher to send a request to this URL with, or the refusal. Literal addresses never reach
 * a lookup, so they are judged here; names are judged by the agent's lookup as it connects.
 */
export function odooDispatcherFor(value: string): { dispatcher: Agent } | { refusal: OdooAddressRefusal } {
  const url = new URL(value);
  if (isAppSandboxOdooUrl(url)) return { dispatcher: (sandbox ??= new Agent()) };
  const refusal = literalAddressRefusal(url);
  if (refusal) return { refusal };
  return { dispatcher: (guarded ??= new Agent({ connect: { lookup: guardedLookup } })) };
}

/** The refusal among an error's causes, if the guard refused the connection. */
export function findAddressRefusal(error: unknown): OdooAddressRefusal | null {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (current instanceof OdooAddressRefusal) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

function embeddedIpv4(address: string): string | null {
  const lower = address.toLowerCase();
  const dotted = /^(?:::ffff:|::|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1]!;
  const words = expandIpv6(lower);
  if (!words) return null;
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  const zeros = (from: number, to: number) => words.slice(from, to).every((word) => word === 0);
  if (zeros(0, 5) && words[5] === 0xffff) return v4(words[6]!, words[7]!); // ::ffff:0:0/96
  if (zeros(0, 6) && (words[6] !== 0 || words[7]! > 1)) return v4(words[6]!, words[7]!); // ::a.b.c.d
  if (words[0] === 0x64 && words[1] === 0xff9b && zeros(2, 6)) return v4(words[6]!, words[7]!); // NAT64
  if (words[0] === 0x2002) return v4(words[1]!, words[2]!); // 6to4
  return null;
}

function expandIpv6(address: string): number[] | null {
  let text = address.split("%")[0]!;
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail) {
    const [a, b, c, d] = tail[1]!.split(".").map(Number) as [number, number, number, number];
    text = `${text.slice(0, -tail[1]!.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, rest] = text.split("::") as [string, string | undefined];
  const left = head ? head.split(":") : [];
  const right = rest ? rest.split(":") : [];
  const fill = rest === undefined ? 0 : 8 - left.length - right.length;
  const words = [...left, ...Array<string>(Math.max(0, fill)).fill("0"), ...right].map((word) => parseInt(word, 16));
  return words.length === 8 && words.every((word) => Number.isInteger(word)) ? words : null;
}
