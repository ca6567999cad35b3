import { auth } from "@/lib/auth/auth";
import { recordSignIn, signInPause } from "@/lib/auth/sign-in-throttle";
import { textProblem } from "@/lib/vocabulary/text";

// Organization endpoints of better-auth stay closed: organization work goes through the
// product's own routes (/api/organizations…), which enforce one set of rules.
const CLOSED = "/api/auth/organization/";
const SIGN_IN = "/api/auth/sign-in/email";
const NO_STORE = { "cache-control": "no-store" };

async function handle(req: Request): Promise<Response> {
  const { pathname } = new URL(req.url);
  if (pathname.startsWith(CLOSED)) {
    return Response.json({ error: { code: "not_found", message: "Not found" } }, { status: 404, headers: NO_STORE });
  }
  const email = pathname === SIGN_IN && req.method === "POST" ? await emailOf(req) : null;
  if (email) {
    const wait = await signInPause(email);
    if (wait > 0)
      return Response.json(
        {
          code: "TOO_MANY_FAILED_SIGN_INS",
          message: `Too many failed sign-ins for this account; try again in ${wait} s`,
        },
        { status: 429, headers: { ...NO_STORE, "retry-after": String(wait) } },
      );
  }
  const res = await auth().handler(req);
  // Wrong password (401); a refusal for other reasons (400, 422, 429) says nothing of the password.
  if (email && (res.status === 401 || res.ok)) await recordSignIn(email, res.ok);
  const headers = new Headers(res.headers);
  headers.set("cache-control", "no-store");
  return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
}

async function emailOf(req: Request): Promise<string | null> {
  const body = (await req
    .clone()
    .json()
    .catch(() => null)) as { email?: unknown } | null;
  // Text the product cannot take is refused by better-auth's hook (422) before any count is kept.
  const email = body?.email;
  return typeof email === "string" && email.length <= 254 && textProblem(email) === null ? email : null;
}

// GET|POST /api/auth/* — sign-up, sign-in, sign-out and session (better-auth)
export const GET = handle;
export const POST = handle;
