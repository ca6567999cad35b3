// A member of another organization must get 404 — never 403 — from every route that touches an
// organization's resources, and the table below must name every route the app has.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { session } from "@/db/schema/auth";
import * as acceptRoute from "@/app/api/invitations/[token]/accept/route";
import * as auditExportRoute from "@/app/api/organization/audit/export/route";
import * as auditRoute from "@/app/api/organization/audit/route";
import * as rejectRoute from "@/app/api/invitations/[token]/reject/route";
import * as invitationRoute from "@/app/api/invitations/[token]/route";
import * as cancelRoute from "@/app/api/organization/invitations/[invitationId]/route";
import * as invitationsRoute from "@/app/api/organization/invitations/route";
import * as leaveRoute from "@/app/api/organization/leave/route";
import * as memberRoute from "@/app/api/organization/members/[memberId]/route";
import * as organizationRoute from "@/app/api/organization/route";
import * as activeRoute from "@/app/api/organizations/active/route";
import * as oauthStartRoute from "@/app/api/shopify/oauth/start/route";
import * as storeDisconnectRoute from "@/app/api/stores/[storeId]/disconnect/route";
import * as storeReauthorizeRoute from "@/app/api/stores/[storeId]/reauthorize/route";
import * as storeRoute from "@/app/api/stores/[storeId]/route";
import * as storeTokenRoute from "@/app/api/stores/[storeId]/token/route";
import * as syncExportRoute from "@/app/api/stores/[storeId]/sync/export/route";
import * as syncItemRoute from "@/app/api/stores/[storeId]/sync/items/[type]/[shopifyId]/route";
import * as syncItemsCountRoute from "@/app/api/stores/[storeId]/sync/items/count/route";
import * as syncItemsExportRoute from "@/app/api/stores/[storeId]/sync/items/export/route";
import * as syncItemsRoute from "@/app/api/stores/[storeId]/sync/items/route";
import * as syncOverviewRoute from "@/app/api/stores/[storeId]/sync/overview/route";
import * as syncRefreshRoute from "@/app/api/stores/[storeId]/sync/refresh/route";
import * as storesRoute from "@/app/api/stores/route";
import * as sandboxStoreRoute from "@/app/api/stores/sandbox/route";
import * as tokenStoreRoute from "@/app/api/stores/token/route";
import * as runsRoute from "@/app/api/stores/[storeId]/operations/route";
import * as storeRunEventsRoute from "@/app/api/stores/[storeId]/operations/events/route";
import * as runRoute from "@/app/api/stores/[storeId]/operations/[runId]/route";
import * as runEventsRoute from "@/app/api/stores/[storeId]/operations/[runId]/events/route";
import * as runCancelRoute from "@/app/api/stores/[storeId]/operations/[runId]/cancel/route";
import * as runResumeRoute from "@/app/api/stores/[storeId]/operations/[runId]/resume/route";
import * as clearPreviewRoute from "@/app/api/stores/[storeId]/clear/preview/route";
import * as clearSettingsRoute from "@/app/api/stores/[storeId]/clear/settings/route";
import * as clearsRoute from "@/app/api/stores/[storeId]/clears/route";
import * as odooSyncRoute from "@/app/api/stores/[storeId]/odoo-sync/route";
import * as storeOdooRoute from "@/app/api/stores/[storeId]/odoo/route";
import * as storeOdooTestRoute from "@/app/api/stores/[storeId]/odoo/test/route";
import * as restoresRoute from "@/app/api/stores/[storeId]/restores/route";
import * as autoSyncRoute from "@/app/api/stores/[storeId]/auto-sync/route";
import * as restoreRowsExportRoute from "@/app/api/stores/[storeId]/restores/[runId]/rows/export/route";
import * as restoreRowsRoute from "@/app/api/stores/[storeId]/restores/[runId]/rows/route";
import * as orgRunsRoute from "@/app/api/organization/operations/route";
import * as orgRunEventsRoute from "@/app/api/organization/operations/events/route";
import { operationRuns } from "@/db/schema/operations";
import { addSandboxStoreAs } from "@/lib/stores/testing/store-helpers";
import { serveTestAppForFile } from "@/lib/stores/testing/test-app-server";
import { addMember, tokenOf, createOrg, signUp, uniqueEmail, type TestUser } from "@/lib/testing/accounts";
import { call, type CallOptions, type CallResult } from "@/lib/testing/http";

type Case = { route: string; method: string; run: () => Promise<CallResult> };

// Routes that hold no organization's data: auth itself, liveness, and user-scoped reads that
// only ever list the caller's own organizations (covered in organizations.test.ts).
const NOT_ORGANIZATION_SCOPED = [
  "/api/auth/[...all]",
  "/api/health",
  "/api/me",
  "/api/organizations",
  "/api/shopify/oauth/config",
];
// The sandbox Shopify store authenticates by access token like Shopify, not by session.
const SEPARATE_AUTH_PREFIX = "/api/sandbox/";
// Shopify's webhooks are authenticated by HMAC; the OAuth callback by a single-use state bound to
// the caller's session and answers with redirects (its refusals are tested in lib/shopify/oauth).
const SHOPIFY_AUTHENTICATED = ["/api/webhooks/shopify", "/api/shopify/oauth/callback"];

serveTestAppForFile();

let outsider: TestUser;
let stale: TestUser;
let orgA: { id: string };
let inviteA: string, tokenA: string;
let memberA: string;
let storeA: string;
let runA: string;

beforeAll(async () => {
  const ownerA = await signUp();
  orgA = await createOrg(ownerA, "Tenant A");
  const invited = await call(invitationsRoute.POST, "POST", "/x", {
    cookie: ownerA.cookie,
    body: { email: uniqueEmail(), role: "member" },
  });
  inviteA = invited.body.invitation.id;
  tokenA = tokenOf(invited.body.link);
  const someone = await addMember(ownerA, "member");
  memberA = (await call(organizationRoute.GET, "GET", "/x", { cookie: someone.cookie })).body.members[0].id;
  storeA = (await addSandboxStoreAs(ownerA, "small")).id;
  // Adding the store queued its first index refresh.
  runA = (await db.select().from(operationRuns).where(eq(operationRuns.storeId, storeA)))[0]!.id;

  outsider = await signUp();
  await createOrg(outsider, "Tenant B");
  // A session still pointing at an organization its user no longer belongs to.
  stale = await signUp();
  await createOrg(stale, "Tenant C");
  await db.update(session).set({ activeOrganizationId: orgA.id }).where(eq(session.userId, stale.id));
});

const as = (user: () => TestUser, options: CallOptions = {}) => ({ ...options, cookie: user().cookie });

const CASES: Case[] = [
  {
    route: "/api/organizations/active",
    method: "PUT",
    run: () =>
      call(
        activeRoute.PUT,
        "PUT",
        "/x",
        as(() => outsider, { body: { organizationId: orgA.id } }),
      ),
  },
  {
    route: "/api/organization",
    method: "GET",
    run: () =>
      call(
        organizationRoute.GET,
        "GET",
        "/x",
        as(() => stale),
      ),
  },
  {
    route: "/api/organization",
    method: "PATCH",
    run: () =>
      call(
        organizationRoute.PATCH,
        "PATCH",
        "/x",
        as(() => stale, { body: { name: "Taken over" } }),
      ),
  },
  {
    route: "/api/organization/invitations",
    method: "POST",
    run: () =>
      call(
        invitationsRoute.POST,
        "POST",
        "/x",
        as(() => stale, { body: { email: uniqueEmail(), role: "member" } }),
      ),
  },
  {
    route: "/api/organization/invitations/[invitationId]",
    method: "DELETE",
    run: () =>
      call(
        cancelRoute.DELETE,
        "DELETE",
        "/x",
        as(() => outsider, { params: { invitationId: inviteA } }),
      ),
  },
  {
    route: "/api/organization/members/[memberId]",
    method: "PATCH",
    run: () =>
      call(
        memberRoute.PATCH,
        "PATCH",
        "/x",
        as(() => outsider, { params: { memberId: memberA }, body: { role: "admin" } }),
      ),
  },
  {
    route: "/api/organization/members/[memberId]",
    method: "DELETE",
    run: () =>
      call(
        memberRoute.DELETE,
        "DELETE",
        "/x",
        as(() => outsider, { params: { memberId: memberA } }),
      ),
  },
  {
    route: "/api/organization/audit",
    method: "GET",
    run: () =>
      call(
        auditRoute.GET,
        "GET",
        "/api/organization/audit",
        as(() => stale),
      ),
  },
  {
    route: "/api/organization/audit/export",
    method: "GET",
    run: () =>
      call(
        auditExportRoute.GET,
        "GET",
        "/api/organization/audit/export",
        as(() => stale),
      ),
  },
  {
    route: "/api/organization/leave",
    method: "POST",
    run: () =>
      call(
        leaveRoute.POST,
        "POST",
        "/x",
        as(() => stale),
      ),
  },
  {
    route: "/api/invitations/[token]",
    method: "GET",
    run: () =>
      call(
        invitationRoute.GET,
        "GET",
        "/x",
        as(() => outsider, { params: { token: tokenA } }),
      ),
  },
  {
    route: "/api/invitations/[token]/accept",
    method: "POST",
    run: () =>
      call(
        acceptRoute.POST,
        "POST",
        "/x",
        as(() => outsider, { params: { token: tokenA } }),
      ),
  },
  {
    route: "/api/invitations/[token]/reject",
    method: "POST",
    run: () =>
      call(
        rejectRoute.POST,
        "POST",
        "/x",
        as(() => outsider, { params: { token: tokenA } }),
      ),
  },
  {
    route: "/api/stores",
    method: "GET",
    run: () =>
      call(
        storesRoute.GET,
        "GET",
        "/x",
        as(() => stale),
      ),
  },
  {
    route: "/api/stores/sandbox",
    method: "POST",
    run: () =>
      call(
        sandboxStoreRoute.POST,
        "POST",
        "/x",
        as(() => stale, { body: { size: "small" } }),
      ),
  },
  {
    route: "/api/stores/token",
    method: "POST",
    run: () =>
      call(
        tokenStoreRoute.POST,
        "POST",
        "/x",
        as(() => stale, { body: { shop: "someone.myshopify.com", accessToken: "shpat_x" } }),
      ),
  },
  {
    route: "/api/stores/[storeId]",
    method: "GET",
    run: () =>
      call(
        storeRoute.GET,
        "GET",
        "/x",
        as(() => outsider, { params: { storeId: storeA } }),
      ),
  },
  {
    route: "/api/stores/[storeId]",
    method: "PATCH",
    run: () =>
      call(
        storeRoute.PATCH,
        "PATCH",
        "/x",
        as(() => outsider, { params: { storeId: storeA }, body: { name: "Taken over" } }),
      ),
  },
  {
    route: "/api/stores/[storeId]/disconnect",
    method: "POST",
    run: () =>
      call(
        storeDisconnectRoute.POST,
        "POST",
        "/x",
        as(() => outsider, { params: { storeId: storeA } }),
      ),
  },
  {
    route: "/api/stores/[storeId]/reauthorize",
    method: "POST",
    run: () =>
      call(
        storeReauthorizeRoute.POST,
        "POST",
        "/x",
        as(() => outsider, { params: { storeId: storeA } }),
      ),
  },
  {
    route: "/api/stores/[storeId]/token",
    method: "PUT",
    run: () =>
      call(
        storeTokenRoute.PUT,
        "PUT",
        "/x",
        as(() => outsider, { params: { storeId: storeA }, body: { accessToken: "shpat_x" } }),
      ),
  },
  {
    route: "/api/stores/[storeId]/sync/overview",
    method: "GET",
    run: () =>
      call(
        syncOverviewRoute.GET,
        "GET",
        "/x",
        as(() => outsider, { params: { storeId: storeA } }),
      ),
  },
  {
    route: "/api/stores/[storeId]/sync/items",
    method: "GET",
    run: () =>
      call(
        syncItemsRoute.GET,
        "GET",
        "/x?type=order",
        as(() => outsider, { params: { storeId: storeA } }),
      ),
  },
  {
    route: "/api/stores/[storeId]/sync/items/[type]/[shopifyId]",
    method: "GET",
    run: () =>
      call(
        syncItemRoute.GET,
        "GET",
        "/x",
        as(() => outsider, { params: { storeId: storeA, type: "order", shopifyId: "1" } }),
      ),
  },
  {
    route: "/api/stores/[storeId]/sync/items/count",
    method: "GET",
    run: () =>
      call(
        syncItemsCountRoute.GET,
        "GET",
        "/x?type=order",
        as(() => outsider, { params: { storeId: storeA } }),
      ),
  },
  {
    route: "/api/stores/[storeId]/sync/items/export",
    method: "GET",
    run: () =>
      call(
        syncItemsExportRoute.GET,
        "GET",
        "/x?type=order",
        as(() => outsider, { params: { storeId: storeA }, headers: { "sec-fetch-site": "same-origin" } }),
      ),
  },
  {
    route: "/api/stores/[storeId]/sync/export",
    method: "GET",
    run: () =>
      call(
        syncExportRoute.GET,
        "GET",
        "/x?format=csv",
        as(() => outsider, { params: { storeId: storeA } }),
      ),
  },
  {
    route: "/api/stores/[storeId]/sync/refresh",
    method: "POST",
    run: () =>
      call(
        syncRefreshRoute.POST,
        "POST",
        "/x",
        as(() => outsider, { params: { storeId: storeA } }),
      ),
  },
  ...(
    [
      ["/api/stores/[storeId]/operations", "GET", runsRoute.GET, false],
      ["/api/stores/[storeId]/operations/events", "GET", storeRunEventsRoute.GET, false],
      ["/api/stores/[storeId]/operations/[runId]", "GET", runRoute.GET, true],
      ["/api/stores/[storeId]/operations/[runId]/events", "GET", runEventsRoute.GET, true],
      ["/api/stores/[storeId]/operations/[runId]/cancel", "POST", runCancelRoute.POST, true],
      ["/api/stores/[storeId]/operations/[runId]/resume", "POST", runResumeRoute.POST, true],
      ["/api/stores/[storeId]/clear/preview", "GET", clearPreviewRoute.GET, false],
      ["/api/stores/[storeId]/clear/settings", "GET", clearSettingsRoute.GET, false],
      ["/api/stores/[storeId]/clear/settings", "PATCH", clearSettingsRoute.PATCH, false],
      ["/api/stores/[storeId]/clears", "POST", clearsRoute.POST, false],
      ["/api/stores/[storeId]/odoo-sync", "POST", odooSyncRoute.POST, false],
      ["/api/stores/[storeId]/odoo", "GET", storeOdooRoute.GET, false],
      ["/api/stores/[storeId]/odoo", "PUT", storeOdooRoute.PUT, false],
      ["/api/stores/[storeId]/odoo", "DELETE", storeOdooRoute.DELETE, false],
      ["/api/stores/[storeId]/odoo/test", "POST", storeOdooTestRoute.POST, false],
      ["/api/stores/[storeId]/restores", "POST", restoresRoute.POST, false],
      ["/api/stores/[storeId]/auto-sync", "PUT", autoSyncRoute.PUT, false],
      ["/api/stores/[storeId]/restores/[runId]/rows", "GET", restoreRowsRoute.GET, true],
      ["/api/stores/[storeId]/restores/[runId]/rows/export", "GET", restoreRowsExportRoute.GET, true],
    ] as const
  ).map(([route, method, handler, withRun]) => ({
    route,
    method,
    run: () =>
      call(
        handler,
        method,
        "/x",
        as(() => outsider, { params: withRun ? { storeId: storeA, runId: runA } : { storeId: storeA } }),
      ),
  })),
  {
    route: "/api/organization/operations",
    method: "GET",
    run: () =>
      call(
        orgRunsRoute.GET,
        "GET",
        "/x",
        as(() => stale),
      ),
  },
  {
    route: "/api/organization/operations/events",
    method: "GET",
    run: () =>
      call(
        orgRunEventsRoute.GET,
        "GET",
        "/x",
        as(() => stale),
      ),
  },
  {
    route: "/api/shopify/oauth/start",
    method: "POST",
    run: () =>
      call(
        oauthStartRoute.POST,
        "POST",
        "/x",
        as(() => stale, { body: { shop: "someone.myshopify.com" } }),
      ),
  },
];

describe("cross-organization access", () => {
  it.each(CASES.map((c) => [`${c.method} ${c.route}`, c] as const))("%s answers 404", async (_name, c) => {
    const res = await c.run();
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("not_found");
  });

  it("leaves the other tenant untouched", async () => {
    const owner = await signUp();
    const org = await createOrg(owner, "Untouched");
    const res = await call(organizationRoute.GET, "GET", "/x", { cookie: owner.cookie });
    expect(res.body.organization).toMatchObject({ id: org.id, name: "Untouched" });
  });

  it("covers every API route the app has", () => {
    const covered = new Set(CASES.map((c) => `${c.method} ${c.route}`));
    const missing = apiRoutes()
      .filter(
        ({ route }) =>
          !NOT_ORGANIZATION_SCOPED.includes(route) &&
          !SHOPIFY_AUTHENTICATED.includes(route) &&
          !route.startsWith(SEPARATE_AUTH_PREFIX),
      )
      .flatMap(({ route, methods }) => methods.map((m) => `${m} ${route}`))
      .filter((key) => !covered.has(key));
    expect(missing, "add these routes to the cross-organization table").toEqual([]);
  });
});

function apiRoutes(): { route: string; methods: string[] }[] {
  const root = path.resolve("app/api");
  const found: { route: string; methods: string[] }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const source = readFileSync(full, "utf8");
        const methods = [
          ...source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g),
        ].map((m) => m[1]!);
        found.push({ route: `/api/${path.relative(root, dir).split(path.sep).join("/")}`, methods });
      }
    }
  };
  walk(root);
  return found;
}
