// Issue 11, finding 8 (docs/threat-model.md, T8): the export is a GET that writes an audit row, so
// a link on another site must not start it in an admin's name; each download is audited once.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as exportRoute from "@/app/api/stores/[storeId]/sync/export/route";
import { db } from "@/db/client";
import { auditLog } from "@/db/schema/audit";
import { addSandboxStoreAs } from "@/lib/stores/testing/store-helpers";
import { createOrg, signUp, type TestUser } from "@/lib/testing/accounts";
import { BASE_URL, call } from "@/lib/testing/http";

let owner: TestUser;
let storeId: string;

const exports = () =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.storeId, storeId), eq(auditLog.action, "sync.mappings_exported")));

beforeAll(async () => {
  owner = await signUp();
  await createOrg(owner);
  storeId = (await addSandboxStoreAs(owner, "small")).id;
});

describe("mapping export", () => {
  it.each([
    ["Sec-Fetch-Site: cross-site", { "sec-fetch-site": "cross-site" }],
    ["an Origin of another site", { origin: "https://evil.example" }],
  ])("refuses a download started by another site (%s) and audits nothing", async (_case, headers) => {
    const res = await call(exportRoute.GET, "GET", "/x?format=csv", {
      cookie: owner.cookie,
      params: { storeId },
      headers,
    });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/Cross-site request refused/);
    expect(await exports()).toEqual([]);
  });

  it("audits a download once, when it is read; an answer nobody reads audits nothing", async () => {
    const unread = await exportRoute.GET(
      new Request(`${BASE_URL}/x?format=json`, { headers: { cookie: owner.cookie, "sec-fetch-site": "same-origin" } }),
      { params: Promise.resolve({ storeId }) },
    );
    expect(unread.status).toBe(200);
    await unread.body?.cancel();
    expect(await exports()).toEqual([]);

    const read = await call(exportRoute.GET, "GET", "/x?format=csv", {
      cookie: owner.cookie,
      params: { storeId },
      headers: { "sec-fetch-site": "same-origin" },
    });
    expect(read.status).toBe(200);
    expect(await exports()).toHaveLength(1);
  });
});
