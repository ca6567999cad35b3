// Where to send a user after signing in. Only paths on this site are accepted, so a crafted
// `?next=https://evil.example` (or `//evil.example`) cannot turn sign-in into an open redirect.

export function safeNextPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}

/** The sign-in (or sign-up) page that comes back to `next` afterwards. */
export function authPath(page: "sign-in" | "sign-up", next: string): string {
  const target = safeNextPath(next);
  return target === "/" ? `/${page}` : `/${page}?next=${encodeURIComponent(target)}`;
}
