// The rows not restored give back what the merchant uploaded (decision 113): a row whose reading
// lost a cell keeps its cells as uploaded, a JSON entry's values as CSV cells (whatever their
// JSON type), a cell a spreadsheet would run escaped as the export escapes it; a row read whole
// keeps nothing more than its values.
import { beforeAll, describe, expect, it } from "vitest";
import * as restoreRowsExportRoute from "@/app/api/stores/[storeId]/restores/[runId]/rows/export/route";
import * as restoresRoute from "@/app/api/stores/[storeId]/restores/route";
import { CSV_COLUMNS } from "@/lib/mappings/export-mappings";
import { addSandboxStoreAs } from "@/lib/stores/testing/store-helpers";
import { serveTestAppForFile } from "@/lib/stores/testing/test-app-server";
import { createOrg, signUp, type TestUser } from "@/lib/testing/accounts";
import { call } from "@/lib/testing/http";
import { csvRecords, parseMappingExport } from "./parse-mapping-export";
import type { TRestoreSummary } from "./schemas";
import { restoreNow } from "./testing/restore-now";

serveTestAppForFile();
let owner: TestUser;

beforeAll(async () => {
  owner = await signUp();
  await createOrg(owner);
});

describe("the rows not restored, as uploaded", () => {
  it("gives back a JSON upload's bad values as CSV cells, whatever their JSON type", async () => {
    const store = await addSandboxStoreAs(owner);
    const formula = '=HYPERLINK("http://evil.example","ok")';
    const mappings = [
      // Shopify ID not a number, a date that is not one, an object, a number, a list, a formula.
      {
        resourceType: "customer",
        shopifyId: "abc",
        shopifyGid: "gid://shopify/Customer/abc",
        odooId: 7,
        status: "synced",
        syncedAt: "last Tuesday",
        title: { first: "Ada", last: "Lovelace" },
        email: formula,
        skus: ["A-1", 2, true],
        orderName: ["#1", { nested: 1 }],
        lastError: null,
        updatedAt: 1700000000000,
      },
      // Not a mapping type, with a Shopify ID given as an object.
      { resourceType: "widget", shopifyId: { id: 1 }, odooId: 2, status: "synced" },
      // Read whole but skipped (not synced when exported): only its date was lost.
      { resourceType: "product", shopifyId: "9001", odooId: 3, status: "failed", syncedAt: "soon" },
      "not an entry",
    ];
    const started = await call(restoresRoute.POST, "POST", "/x", {
      cookie: owner.cookie,
      params: { storeId: store.id },
      raw: JSON.stringify({ shopDomain: store.shopDomain, mappings }),
      headers: { "content-type": "application/json", "idempotency-key": crypto.randomUUID() },
    });
    expect(started.status).toBe(202);
    const run = await restoreNow(started.body.run.id);
    expect((run.summary as TRestoreSummary).reasons).toEqual({ invalid_row: 3, not_synced: 1 });

    const res = await call(restoreRowsExportRoute.GET, "GET", "/x", {
      cookie: owner.cookie,
      params: { storeId: store.id, runId: run.id },
    });
    expect(res.status).toBe(200);
    const text = res.body as string;
    const [header, ...rows] = [...csvRecords(text)].filter((record) => record.some((field) => field !== ""));
    expect(header).toEqual([...CSV_COLUMNS, "reason", "detail"]);
    expect(rows).toHaveLength(4);
    const cells = (record: string[]) =>
      Object.fromEntries(header!.map((name, index) => [name, record[index]!]).filter(([, value]) => value !== ""));

    expect(cells(rows[0]!)).toEqual({
      resource_type: "customer",
      shopify_id: "abc",
      shopify_gid: "gid://shopify/Customer/abc",
      odoo_id: "7",
      status: "synced",
      synced_at: "last Tuesday",
      updated_at: "1700000000000",
      title: '{"first":"Ada","last":"Lovelace"}',
      // The formula gets the export's "'": a spreadsheet shows it, never runs it.
      email: `'${formula}`,
      skus: "A-1 2 true",
      order_name: '["#1",{"nested":1}]',
      reason: "Not a valid mapping row",
      detail: expect.stringContaining("“abc”"),
    });
    expect(text).toContain(`,"'=HYPERLINK(""http://evil.example"",""ok"")",`);
    expect(cells(rows[1]!)).toMatchObject({ resource_type: "widget", shopify_id: '{"id":1}', odoo_id: "2" });
    expect(cells(rows[2]!)).toMatchObject({
      resource_type: "product",
      shopify_id: "9001",
      odoo_id: "3",
      status: "failed",
      synced_at: "soon",
      reason: "Not synced when exported",
    });
    // An entry that is not an object has no columns: only why.
    expect(cells(rows[3]!)).toEqual({ reason: "Not a valid mapping row", detail: "the entry is not an object" });

    // The download uploads again: the escaped formula reads back as it was given.
    const again = parseMappingExport(Buffer.from(text));
    expect(again.rows[0]).toMatchObject({ email: formula, shopifyId: null });
    expect(again.rows[0]!.cells).toMatchObject({ email: `'${formula}` });
  });

  it("keeps cells only for a row whose reading lost one", () => {
    const csv = [
      "resource_type,shopify_id,odoo_id,status,synced_at,title,reason",
      "customer,5,6,synced,2024-05-01T10:00:00.000Z,Ada,anything",
      "customer,5,6,synced,not a date,  Ada  ,",
      "customer,-5,6,synced,,,",
    ].join("\n");
    const [whole, undated, negative] = parseMappingExport(Buffer.from(csv)).rows;
    expect(whole).toMatchObject({ invalid: null, cells: null });
    // Kept as given: untrimmed, only the export's columns, empty cells left out.
    expect(undated).toMatchObject({ invalid: null, syncedAt: null });
    expect(undated!.cells).toEqual({
      resource_type: "customer",
      shopify_id: "5",
      odoo_id: "6",
      status: "synced",
      synced_at: "not a date",
      title: "  Ada  ",
    });
    expect(negative!.invalid).toContain("“-5”");
    expect(negative!.cells).toEqual({ resource_type: "customer", shopify_id: "-5", odoo_id: "6", status: "synced" });
  });
});
