// The route-handler wrapper: session → active organization (or the store's own) → role → zod-parsed input. Handlers
// receive verified context, call one service and return data (sent as JSON) or a Response.
import "server-only";
import { z } from "zod";
import type { Store } from "@/db/schema/stores";
import type { Actor } from "@/lib/audit/record-audit";
import { auth } from "@/lib/auth/auth";
import { AppError, notFound } from "@/lib/errors/app-error";
import { getMembership, type Membership } from "@/lib/organizations/get-membership";
import { can, LEAST_ROLE, type Action } from "@/lib/organizations/permissions";
import { appUrl } from "@/lib/runtime/app-url";
import { clientAddress } from "@/lib/runtime/client-address";
import { getStoreForMember } from "@/lib/stores/get-store-for-member";
import { toErrorResponse } from "./error-response";
import { assertCleanRequestText, parseBody, parseQuery } from "./parse-input";

type Params = Record<string, string | string[]>;
type RouteContext = { params: Promise<Params> };
type Schema = z.ZodType;
type Infer<S> = S extends Schema ? z.infer<S> : undefined;

export type SessionUser = { id: string; email: string; name: string };

export type UserContext<B, Q> = {
  req: Request;
  params: Record<string, string>;
  body: Infer<B>;
  query: Infer<Q>;
  user: SessionUser;
  /** The user as the audit log records them, with the client's address and agent. */
  actor: Actor;
  sessionId: string;
  /** When this session signed in: destructive actions ask for the password again after a while. */
  signedInAt: Date;
  activeOrganizationId: string | null;
};

export type OrgContext<B, Q> = UserContext<B, Q> & { membership: Membership; organizationId: string };

/** `organizationId` is the store's own organization, verified through the caller's membership of it. */
export type StoreContext<B, Q> = OrgContext<B, Q> & { store: Store };

type Options<B, Q> = {
  body?: B;
  query?: Q;
  /** A GET with an effect (a download that is audited): refused when another site starts it, like unsafe methods. */
  sameOrigin?: boolean;
  /** The handler reads the body itself from `req` (a file upload, with its own size cap). */
  rawBody?: boolean;
};
type Result = Response | object | null;

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** A route that needs a signed-in user. */
export function withUser<B extends Schema | undefined = undefined, Q extends Schema | undefined = undefined>(
  handler: (ctx: UserContext<B, Q>) => Promise<Result>,
  options: Options<B, Q> = {},
) {
  return wrap(async (base) => base, handler, options);
}

/** A route about the user's active organization; `can` names the action it takes (lib/organizations/permissions.ts). */
export function withOrg<B extends Schema | undefined = undefined, Q extends Schema | undefined = undefined>(
  handler: (ctx: OrgContext<B, Q>) => Promise<Result>,
  options: Options<B, Q> & { can?: Action } = {},
) {
  return wrap(
    async (base) => {
      const membership = base.activeOrganizationId
        ? await getMembership({ organizationId: base.activeOrganizationId, userId: base.user.id })
        : null;
      if (!membership)
        throw new AppError("not_found", "No active organization: create one or switch to one you belong to");
      assertAllowed(membership, options.can);
      return { ...base, membership, organizationId: membership.organization.id };
    },
    handler,
    options,
  );
}

/** A route under /api/stores/:storeId; anyone outside the store's organization gets 404. */
export function withStore<B extends Schema | undefined = undefined, Q extends Schema | undefined = undefined>(
  handler: (ctx: StoreContext<B, Q>) => Promise<Result>,
  options: Options<B, Q> & { can?: Action } = {},
) {
  return wrap(
    async (base) => {
      const found = await getStoreForMember({ storeId: base.params.storeId ?? "", userId: base.user.id });
      if (!found) throw notFound("Store");
      assertAllowed(found.membership, options.can);
      return { ...base, membership: found.membership, organizationId: found.store.organizationId, store: found.store };
    },
    handler,
    options,
  );
}

/**
 * A route that is not session-authenticated (Shopify's webhooks, the health check): the same
 * request id, error mapping and response headers as every other route, nothing more.
 */
export function withoutSession(handler: (req: Request) => Promise<Result>) {
  return async (req: Request): Promise<Response> => {
    const requestId = crypto.randomUUID();
    try {
      assertCleanRequestText(req, {});
      return toResponse(await handler(req), requestId);
    } catch (err) {
      return toErrorResponse(err, requestId);
    }
  };
}

function assertAllowed(membership: Membership, action: Action | undefined) {
  if (!action || can(membership.role, action)) return;
  const article = membership.role === "admin" ? "an" : "a";
  throw new AppError(
    "forbidden",
    `This action needs the ${LEAST_ROLE[action]} role; you are ${article} ${membership.role}`,
  );
}

type Base = Omit<UserContext<unknown, unknown>, "body" | "query">;

// Order matters: authentication and authorisation come before the input is read, so a caller
// without the right learns nothing from validation messages.
function wrap<C extends Base, B extends Schema | undefined, Q extends Schema | undefined>(
  authorize: (base: Base) => Promise<C>,
  handler: (ctx: C & { body: Infer<B>; query: Infer<Q> }) => Promise<Result>,
  options: Options<B, Q>,
) {
  return async (req: Request, route: RouteContext): Promise<Response> => {
    const requestId = crypto.randomUUID();
    try {
      if (options.sameOrigin) assertSameOrigin(req);
      const ctx = await authorize(await baseContext(req, route));
      // A route without a body schema still has a body it sent read under the same rules (size, JSON, text).
      const body = (
        options.body
          ? await parseBody(req, options.body)
          : UNSAFE_METHODS.has(req.method) && !options.rawBody
            ? void (await parseBody(req, z.unknown()))
            : undefined
      ) as Infer<B>;
      const query = (options.query ? parseQuery(req, options.query) : undefined) as Infer<Q>;
      return toResponse(await handler({ ...ctx, body, query }), requestId);
    } catch (err) {
      return toErrorResponse(err, requestId);
    }
  };
}

async function baseContext(req: Request, route: RouteContext): Promise<Base> {
  if (UNSAFE_METHODS.has(req.method)) assertSameOrigin(req);
  const found = await auth().api.getSession({ headers: req.headers });
  if (!found) throw new AppError("unauthorized", "Sign in to continue");
  const params = flattenParams(await route.params);
  // Before any lookup uses them: a store id with a NUL is a 422, not a 500 from PostgreSQL.
  assertCleanRequestText(req, params);
  const user = { id: found.user.id, email: found.user.email, name: found.user.name };
  return {
    req,
    params,
    user,
    actor: {
      userId: user.id,
      email: user.email,
      name: user.name,
      // The address our server resolved (lib/runtime/client-address.ts), never a header as sent.
      ip: clientAddress(req.headers),
      userAgent: req.headers.get("user-agent"),
    },
    sessionId: found.session.id,
    signedInAt: new Date(found.session.createdAt),
    activeOrganizationId: (found.session as { activeOrganizationId?: string | null }).activeOrganizationId ?? null,
  };
}

// Cookies are SameSite=Lax; refusing browser requests from another site closes what is left of CSRF.
function assertSameOrigin(req: Request) {
  const origin = req.headers.get("origin");
  const fetchSite = req.headers.get("sec-fetch-site");
  if (
    fetchSite === "cross-site" ||
    (origin && origin !== new URL(appUrl()).origin && origin !== new URL(req.url).origin)
  ) {
    throw new AppError("forbidden", "Cross-site request refused");
  }
}

function flattenParams(params: Params | undefined): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(params ?? {})) flat[key] = Array.isArray(value) ? value.join("/") : value;
  return flat;
}

function toResponse(result: Result, requestId: string): Response {
  if (result instanceof Response) return result;
  return Response.json(result ?? { ok: true }, { headers: { "x-request-id": requestId, "cache-control": "no-store" } });
}
