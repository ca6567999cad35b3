/**
 * The Content-Security-Policy of every page. Scripts need the per-request nonce; Polaris sets
 * inline style attributes, so styles allow 'unsafe-inline' (styles cannot run code). Only the
 * dev server needs 'unsafe-eval' (React's debugging tools).
 */
export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
