// Where to send a user after signing in: back to the page they asked for, query string included
// (a list's tab and search), and only ever on this site. The value is read the way a browser
// would read it — it drops tabs and newlines and takes "\" for "/" — so "//evil.example",
// "/\evil.example", "/\t/evil.example" or "https://evil.example" cannot turn sign-in into an open
// redirect; what comes back is the normalised path, which cannot start with "//".

const BASE = "http://synco.invalid";

export function safeNextPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil.example" normalises to "//evil.example", which a browser would take for a host.
  return path.startsWith("//") || path.startsWith("/\\") ? fallback : path;
}

/** The sign-in (or sign-up) page that comes back to `next` afterwards. */
export function authPath(page: "sign-in" | "sign-up", next: string): string {
  const target = safeNextPath(next);
  return target === "/" ? `/${page}` : `/${page}?next=${encodeURIComponent(target)}`;
}

/** The request header through which proxy.ts tells server pages the path and query they were asked for. */
export const REQUEST_PATH_HEADER = "x-synco-request-path";
