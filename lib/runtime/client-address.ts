// Who is asking: the one client-address resolver (docs/threat-model.md, T1). The address is the TCP
// peer's — a client cannot choose it — unless the deployment names its reverse proxies in
// SYNCO_TRUSTED_PROXIES (addresses or CIDR ranges, comma-separated); a request from one of them is
// attributed to the right-most X-Forwarded-For entry that is not itself a trusted proxy (entries
// further left were written by whoever sent the request, and prove nothing).
//
// The HTTP server in front of Next.js (scripts/serve.ts) and the test route server resolve it once
// per request and write it to CLIENT_ADDRESS_HEADER, replacing whatever the client sent under that
// name; better-auth's limiter and the audit log read only that header.
import { BlockList, isIP } from "node:net";
import type { IncomingMessage } from "node:http";

export const CLIENT_ADDRESS_HEADER = "x-synco-client-address";

/** SYNCO_TRUSTED_PROXIES parsed; a bad entry stops start-up with its text rather than trusting too much. */
export function trustedProxies(setting = process.env.SYNCO_TRUSTED_PROXIES ?? ""): BlockList {
  const list = new BlockList();
  for (const entry of setting
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [address, bits] = entry.split("/");
    const family = isIP(address ?? "");
    if (!family || (bits !== undefined && !/^\d{1,3}$/.test(bits)))
      throw new Error(`SYNCO_TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
    const type = family === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) list.addAddress(address!, type);
    else list.addSubnet(address!, Number(bits), type);
  }
  return list;
}

/** `::ffff:10.0.0.1` → `10.0.0.1`, so IPv4 clients of a dual-stack socket look like themselves. */
const plain = (address: string) => address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1");

function isTrusted(proxies: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && proxies.check(address, family === 6 ? "ipv6" : "ipv4");
}

/** The client's address from the socket's peer and, behind trusted proxies, X-Forwarded-For. */
export function resolveClientAddress({
  peer,
  forwardedFor,
  proxies,
}: {
  peer: string | undefined;
  forwardedFor: string | string[] | undefined;
  proxies: BlockList;
}): string | null {
  if (!peer) return null;
  let address = plain(peer);
  if (!isTrusted(proxies, address)) return address;
  const hops = [forwardedFor ?? []]
    .flat()
    .join(",")
    .split(",")
    .map((hop) => plain(hop.trim()));
  // Right to left: each trusted proxy vouches for the hop before it, until one is not trusted.
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (!isIP(hop)) return address;
    address = hop;
    if (!isTrusted(proxies, hop)) return hop;
  }
  return address;
}

/** Writes the resolved address onto the request, replacing any value the client sent under that name. */
export function stampClientAddress(req: IncomingMessage, proxies: BlockList): void {
  const address = resolveClientAddress({
    peer: req.socket.remoteAddress,
    forwardedFor: req.headers["x-forwarded-for"],
    proxies,
  });
  if (address) req.headers[CLIENT_ADDRESS_HEADER] = address;
  else delete req.headers[CLIENT_ADDRESS_HEADER];
}

/** The client's address as the server in front resolved it, or null when no server did (a job, a test). */
export function clientAddress(headers: Headers): string | null {
  return headers.get(CLIENT_ADDRESS_HEADER);
}
