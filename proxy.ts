// Runs before every page request: a fresh CSP nonce per request (Next.js applies it to its own
// scripts) and the policy on the response. API routes are left out: they answer JSON (no scripts
// to allow), and a proxy makes Next.js copy every request body into memory before the route can
// refuse it by size (docs/threat-model.md, T5). Pages also get an optimistic sign-in check:
// without a session cookie there is nothing to render, so the visitor goes to sign-in and comes
// back afterwards. The real check (a valid session, membership, role) happens on the server.
import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy } from "@/lib/http/csp";
import { authPath, REQUEST_PATH_HEADER } from "@/lib/auth/next-path";

const PUBLIC_PAGES = ["/sign-in", "/sign-up", "/invitations/"];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (!PUBLIC_PAGES.some((p) => pathname.startsWith(p)) && !getSessionCookie(request)) {
    return NextResponse.redirect(new URL(authPath("sign-in", pathname + search), request.url));
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV !== "production");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  // Pages name only their path; requireSession reads path and query here to come back to both after sign-in.
  headers.set(REQUEST_PATH_HEADER, pathname + search);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // Static files of `public/` (the icons) are served to everyone, signed in or not.
  matcher: [{ source: "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|apple-touch-icon.png).*)" }],
};
