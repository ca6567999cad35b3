import { auth } from "@/lib/auth/auth";

// Organization endpoints of better-auth stay closed: organization work goes through the
// product's own routes (/api/organizations…), which enforce one set of rules.
const CLOSED = "/api/auth/organization/";

async function handle(req: Request): Promise<Response> {
  if (new URL(req.url).pathname.startsWith(CLOSED)) {
    return Response.json({ error: { code: "not_found", message: "Not found" } }, { status: 404 });
  }
  return auth().handler(req);
}

// GET|POST /api/auth/* — sign-up, sign-in, sign-out and session (better-auth)
export const GET = handle;
export const POST = handle;
