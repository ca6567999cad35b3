// Restoring a store's mapping from its own export, against the sandbox Shopify and the sandbox Odoo
// over HTTP: the mapping lost, some rows gone stale meanwhile (the Odoo record deleted, its key
// changed, the Shopify item deleted, another store's rows, an item mapped again elsewhere), and
// the file restored — the valid rows mapped again (and queued for Shopify), every other row
// listed with its number and reason, Odoo untouched, the run audited. Bad files are refused as a
// whole with what is wrong; members are refused, other organizations get 404. The rows not
// restored download as a CSV in the export's columns plus the reason, which, fixed, restores them.
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as restoreRowsExportRoute from "@/app/api/stores/[storeId]/restores/[runId]/rows/export/route";
import * as restoreRowsRoute from "@/app/api/stores/[storeId]/restores/[runId]/rows/route";
import * as restoresRoute from "@/app/api/stores/[storeId]/restores/route";
import * as exportRoute from "@/app/api/stores/[storeId]/sync/export/route";
import { db } from "@/db/client";
import { syncMappings } from "@/db/schema/mappings";
import { storeOdooConnections } from "@/db/schema/odoo-connections";
import { refreshIndexNow } from "@/lib/operations/testing/run-now";
import { storeOdooClient } from "@/lib/stores/odoo/store-odoo-client";
import { addSandboxStoreAs, auditRows, storeRow } from "@/lib/stores/testing/store-helpers";
import { serveTestAppForFile } from "@/lib/stores/testing/test-app-server";
import { addMember, createOrg, signUp, type TestUser } from "@/lib/testing/accounts";
import { call } from "@/lib/testing/http";
import type { TStoreView } from "@/lib/stores/schemas";
import { csvLine } from "@/lib/runtime/csv";
import { CSV_COLUMNS } from "@/lib/mappings/export-mappings";
import { exportSkippedRows } from "./export-skipped-rows";
import { csvRecords, parseMappingExport } from "./parse-mapping-export";
import type { TRestoreRowsPage, TRestoreSummary } from "./schemas";
import { restoreNow } from "./testing/restore-now";

serveTestAppForFile();
let owner: TestUser;
let member: TestUser;
let stranger: TestUser;

beforeAll(async () => {
  owner = await signUp();
  await createOrg(owner);
  member = await addMember(owner, "member");
  stranger = await signUp();
  await createOrg(stranger);
});

async function readyStore(user: TestUser): Promise<TStoreView> {
  const store = await addSandboxStoreAs(user);
  await refreshIndexNow({ storeId: store.id, organizationId: store.organizationId });
  return store;
}

async function exportCsv(user: TestUser, store: TStoreView): Promise<string> {
  const res = await call(exportRoute.GET, "GET", `/x?format=csv`, {
    cookie: user.cookie,
    params: { storeId: store.id },
  });
  expect(res.status).toBe(200);
  return res.body as string;
}

const upload = (user: TestUser, storeId: string, raw: string, headers: Record<string, string> = {}) =>
  call(restoresRoute.POST, "POST", "/x", {
    cookie: user.cookie,
    params: { storeId },
    raw,
    headers: { "content-type": "text/csv", "idempotency-key": crypto.randomUUID(), ...headers },
  });

/** CSV lines (after the header) as field arrays; the export's fields hold no commas in these columns. */
function csvRows(csv: string) {
  const [header, ...lines] = csv.trim().split("\r\n");
  const columns = header!.split(",");
  return lines.map((line) => {
    const fields = line.split(",");
    return { line, get: (name: string) => fields[columns.indexOf(name)] ?? "" };
  });
}

const mappingsOf = (storeId: string) => db.select().from(syncMappings).where(eq(syncMappings.storeId, storeId));

describe("restore from an export", () => {
  it("restores the valid rows and lists every stale one with its reason, Odoo untouched", async () => {
    const store = await readyStore(owner);
    const other = await readyStore(owner);
    const csv = await exportCsv(owner, store);
    const otherCsv = await exportCsv(owner, other);
    const rows = csvRows(csv).filter((row) => row.get("status") === "synced");
    const of = (type: string) => rows.filter((row) => row.get("resource_type") === type);
    expect(of("customer").length).toBeGreaterThan(3);
    expect(of("order").length).toBeGreaterThan(3);
    const odoo = (await storeOdooClient(await storeRow(store.id)))!;
    const countRecords = async () =>
      Object.fromEntries(
        await Promise.all(
          ["res.partner", "product.template", "product.product", "sale.order", "account.move"].map(
            async (model) => [model, await odoo.searchCount(model, [], { active_test: false })] as const,
          ),
        ),
      );

    // Stale since the export: a partner deleted, a partner's email changed, an order deleted in Shopify.
    // (Odoo refuses to delete a partner its orders point to: one without orders is deleted.)
    const partners = of("customer").map((row) => Number(row.get("odoo_id")));
    const withoutOrders = [];
    for (const id of partners)
      if ((await odoo.searchCount("sale.order", [["partner_id", "=", id]])) === 0) withoutOrders.push(id);
    const [deletedPartner, changedPartner] = withoutOrders as [number, number];
    expect(changedPartner).toBeDefined();
    await odoo.unlink("res.partner", [deletedPartner]);
    await odoo.write("res.partner", [changedPartner], { email: "someone.else@example.com" });
    const goneOrder = Number(of("order").at(-1)!.get("shopify_id"));
    await db.execute(sql`delete from sandbox_shopify_orders where id = ${goneOrder}`);
    await db.execute(
      sql`delete from shopify_index_items where store_id = ${store.id} and resource_type = 'order' and shopify_id = ${goneOrder}`,
    );
    const before = await countRecords();

    // The mapping lost (as a clear leaves it), except one order mapped again elsewhere since.
    await db.delete(syncMappings).where(eq(syncMappings.storeId, store.id));
    const remapped = of("order")[0]!;
    await db.insert(syncMappings).values({
      storeId: store.id,
      resourceType: "order",
      shopifyId: Number(remapped.get("shopify_id")),
      odooId: 999_999,
      status: "synced",
      syncedAt: new Date(),
    });

    // The file: this store's export, plus two rows of the other store's export.
    const foreign = csvRows(otherCsv)
      .filter((row) => row.get("status") === "synced")
      .slice(0, 2);
    const file = `${csv}${foreign.map((row) => `${row.line}\r\n`).join("")}`;
    const started = await upload(owner, store.id, file, { "x-file-name": encodeURIComponent("mapping é.csv") });
    expect(started.status).toBe(202);
    expect(started.body.run).toMatchObject({ kind: "restore", status: "queued", exclusive: true });
    const run = await restoreNow(started.body.run.id);
    expect(run.status, run.error ?? "").toBe("succeeded");

    const summary = run.summary as TRestoreSummary;
    const allRows = csvRows(csv).length + foreign.length;
    expect(summary.rows).toBe(allRows);
    expect(summary.reasons).toMatchObject({ odoo_missing: 1, key_mismatch: 1, mapped_elsewhere: 1 });
    // The order deleted in Shopify, and the other store's two rows.
    expect(summary.reasons.shopify_missing).toBe(3);
    expect(summary.restored).toBe(rows.length - 4);
    expect(summary.restored + summary.unchanged + summary.skipped).toBe(allRows);

    const mapped = await mappingsOf(store.id);
    expect(mapped.filter((row) => row.odooId !== 999_999)).toHaveLength(rows.length - 4);
    expect(mapped.every((row) => row.status === "synced")).toBe(true);
    // Mirrored to Shopify like any mapping write: pending for the mirror.
    expect(mapped.filter((row) => row.mirrorState === "pending" && row.odooId !== 999_999)).toHaveLength(
      rows.length - 4,
    );
    const kept = of("customer").find((row) => ![deletedPartner, changedPartner].includes(Number(row.get("odoo_id"))))!;
    const restoredCustomer = mapped.find((row) => row.shopifyId === Number(kept.get("shopify_id")))!;
    expect(restoredCustomer.odooId).toBe(Number(kept.get("odoo_id")));
    expect(mapped.find((row) => row.odooId === deletedPartner || row.odooId === changedPartner)).toBeUndefined();
    expect(await countRecords()).toEqual(before);

    // The reasons, by row number, a page at a time.
    const page = await call<TRestoreRowsPage>(restoreRowsRoute.GET, "GET", "/x?outcome=skipped&limit=200", {
      cookie: member.cookie,
      params: { storeId: store.id, runId: run.id },
    });
    expect(page.status).toBe(200);
    const stale = page.body.rows.filter((row) => row.reason !== "not_synced");
    expect(stale.map((row) => row.reason).sort()).toEqual(
      [
        "key_mismatch",
        "mapped_elsewhere",
        "odoo_missing",
        "shopify_missing",
        "shopify_missing",
        "shopify_missing",
      ].sort(),
    );
    const mismatch = stale.find((row) => row.reason === "key_mismatch")!;
    expect(mismatch.detail).toContain("someone.else@example.com");
    expect(mismatch.rowNumber).toBeGreaterThan(0);
    expect(stale.find((row) => row.reason === "shopify_missing" && row.shopifyId === String(goneOrder))).toBeDefined();

    const audit = (await auditRows(store.id)).filter((row) => row.action.startsWith("restore."));
    expect(audit.map((row) => row.action)).toEqual(["restore.requested", "restore.finished"]);
    expect(audit[0]!.details).toMatchObject({ fileName: "mapping é.csv", format: "csv", rows: allRows });
    expect(audit[1]!.details).toMatchObject({ restored: summary.restored, skipped: summary.skipped });

    // Restoring the same file again changes nothing: every row is mapped already.
    const again = await upload(owner, store.id, csv);
    const second = await restoreNow(again.body.run.id);
    expect((second.summary as TRestoreSummary).restored).toBe(0);
    expect((second.summary as TRestoreSummary).unchanged).toBe(rows.length - 4);
  });

  it("reads its own JSON export and refuses another shop's", async () => {
    const store = await readyStore(owner);
    const res = await call(exportRoute.GET, "GET", `/x?format=json`, {
      cookie: owner.cookie,
      params: { storeId: store.id },
    });
    const json = res.body as { shopDomain: string; mappings: { status: string }[] };
    await db.delete(syncMappings).where(eq(syncMappings.storeId, store.id));
    const started = await upload(owner, store.id, JSON.stringify(json), { "content-type": "application/json" });
    expect(started.status).toBe(202);
    const run = await restoreNow(started.body.run.id);
    expect((run.summary as TRestoreSummary).restored).toBe(json.mappings.filter((m) => m.status === "synced").length);

    const other = await addSandboxStoreAs(owner);
    const refused = await upload(owner, other.id, JSON.stringify(json));
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ field: "file" });
    expect(refused.body.error.message).toContain(json.shopDomain);
  });

  it("refuses bad files, too large files, members, strangers, and stores without Odoo", async () => {
    const store = await addSandboxStoreAs(owner);
    const cases: [string, string][] = [
      ["", "empty"],
      ["name,price\r\nshirt,3\r\n", "resource_type, shopify_id, odoo_id, status"],
      ['{"hello":1}', "mappings"],
      ["{not json", "not valid JSON"],
      ['resource_type,shopify_id,odoo_id,status\r\n"customer,1,2,synced\r\n', "never closed"],
      ["resource_type,shopify_id,odoo_id,status\r\n", "no mappings"],
    ];
    for (const [raw, words] of cases) {
      const res = await upload(owner, store.id, raw);
      expect(res.status, raw).toBe(422);
      expect(res.body.error.message, raw).toContain(words);
    }
    const huge = await upload(owner, store.id, "x", { "content-length": String(200 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    expect(huge.body.error.message).toContain("MB");
    const csvHead = "resource_type,shopify_id,odoo_id,status\r\n";
    const noKey = await upload(owner, store.id, `${csvHead}customer,1,2,synced\r\n`, { "idempotency-key": "" });
    expect(noKey.body.error).toMatchObject({ field: "Idempotency-Key" });
    const nul = await upload(owner, store.id, `${csvHead}customer,1,2,syn\u0000ced\r\n`);
    expect(nul.status).toBe(422);
    expect(nul.body.error.message).toContain("mapping 1, column 4");

    // Invalid rows are listed, not fatal.
    const invalid = await upload(
      owner,
      store.id,
      "resource_type,shopify_id,odoo_id,status\r\nwidget,1,2,synced\r\ncustomer,abc,2,synced\r\ncustomer,5,,failed\r\n",
    );
    expect(invalid.status).toBe(202);
    const run = await restoreNow(invalid.body.run.id);
    expect((run.summary as TRestoreSummary).reasons).toEqual({ invalid_row: 2, not_synced: 1 });

    expect((await upload(member, store.id, "x")).status).toBe(403);
    expect((await upload(stranger, store.id, "x")).status).toBe(404);
    const rows = await call(restoreRowsRoute.GET, "GET", "/x", {
      cookie: stranger.cookie,
      params: { storeId: store.id, runId: run.id },
    });
    expect(rows.status).toBe(404);

    await db
      .delete(storeOdooConnections)
      .where(
        and(eq(storeOdooConnections.storeId, store.id), eq(storeOdooConnections.organizationId, store.organizationId)),
      );
    const noOdoo = await upload(owner, store.id, "resource_type,shopify_id,odoo_id,status\r\ncustomer,1,2,synced\r\n");
    expect(noOdoo.status).toBe(409);
    expect(noOdoo.body.error.message).toContain("Odoo connection");
  });
  it("downloads the rows not restored as an export that, fixed, restores them", async () => {
    const store = await readyStore(owner);
    const csv = await exportCsv(owner, store);
    const [header, ...records] = [...csvRecords(csv)].filter((record) => record.some((field) => field !== ""));
    const col = (name: string) => header!.indexOf(name);
    const customers = records.filter(
      (record) => record[col("resource_type")] === "customer" && record[col("status")] === "synced",
    );
    const notSynced = records.filter((record) => record[col("status")] !== "synced").length;
    const odoo = (await storeOdooClient(await storeRow(store.id)))!;
    // Stale since the export: a partner's email changed in Odoo; and two rows mangled in the file, one
    // in its Odoo ID, the other in its Shopify ID and its date, with a title a spreadsheet would run.
    const changed = customers[0]!;
    const mangled = customers[1]!;
    const mangledOdooId = mangled[col("odoo_id")]!;
    await odoo.write("res.partner", [Number(changed[col("odoo_id")])], { email: "new.address@example.com" });
    mangled[col("odoo_id")] = "abc";
    const typo = customers[2]!;
    const typoShopifyId = typo[col("shopify_id")]!;
    typo[col("shopify_id")] = `${typoShopifyId}x`;
    typo[col("synced_at")] = "31/02/2024 25:61";
    typo[col("title")] = "=1+2";
    await db.delete(syncMappings).where(eq(syncMappings.storeId, store.id));
    // Written as a spreadsheet would save it: the title's "=" bare, not the export's "'=".
    const file = [header!, ...records]
      .map((record) => (record === typo ? csvLine(record).replace(",'=1+2,", ",=1+2,") : csvLine(record)))
      .join("");
    expect(file).toContain(`,=1+2,`);
    const run = await restoreNow((await upload(owner, store.id, file)).body.run.id);
    const summary = run.summary as TRestoreSummary;
    expect(summary.reasons).toEqual({
      key_mismatch: 1,
      invalid_row: 2,
      ...(notSynced ? { not_synced: notSynced } : {}),
    });

    // Any member who sees the rows downloads them: the export's columns, then why.
    const download = (user: TestUser, query = "", runId = run.id, storeId = store.id) =>
      call(restoreRowsExportRoute.GET, "GET", `/x${query}`, { cookie: user.cookie, params: { storeId, runId } });
    const res = await download(member);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const date = run.createdAt.toISOString().slice(0, 10);
    expect(res.headers.get("content-disposition")).toMatch(
      new RegExp(
        `attachment; filename="synco-not-restored-${store.shopDomain.replace(/\.myshopify\.com$/, "")}-${date}-[0-9-]+\\.csv"`,
      ),
    );
    const text = res.body as string;
    const [downloadedHeader, ...rows] = [...csvRecords(text)].filter((record) => record.some((field) => field !== ""));
    expect(downloadedHeader).toEqual([...CSV_COLUMNS, "reason", "detail"]);
    expect(rows).toHaveLength(summary.skipped);
    const at = (record: string[], name: string) => record[downloadedHeader!.indexOf(name)]!;
    const mismatch = rows.find((row) => at(row, "reason") === "Odoo record no longer matches")!;
    expect(at(mismatch, "shopify_id")).toBe(changed[col("shopify_id")]);
    expect(at(mismatch, "shopify_gid")).toBe(changed[col("shopify_gid")]);
    expect(at(mismatch, "odoo_id")).toBe(changed[col("odoo_id")]);
    expect(at(mismatch, "email")).toBe(changed[col("email")]);
    expect(at(mismatch, "title")).toBe(changed[col("title")]);
    expect(at(mismatch, "status")).toBe("synced");
    expect(at(mismatch, "detail")).toContain("new.address@example.com");
    // An invalid row comes back as uploaded, every column (updated at too), the bad cell included;
    // a cell a spreadsheet would run gets the export's "'" before it.
    const exportColumns = (record: string[]) => record.slice(0, CSV_COLUMNS.length);
    const invalid = rows.find((row) => at(row, "shopify_id") === mangled[col("shopify_id")])!;
    expect(at(invalid, "reason")).toBe("Not a valid mapping row");
    expect(exportColumns(invalid)).toEqual(mangled);
    expect(at(invalid, "odoo_id")).toBe("abc");
    expect(at(invalid, "detail")).toContain("“abc”");
    const invalidTypo = rows.find((row) => at(row, "shopify_id") === typo[col("shopify_id")])!;
    expect(at(invalidTypo, "reason")).toBe("Not a valid mapping row");
    expect(exportColumns(invalidTypo)).toEqual(typo.map((cell, index) => (index === col("title") ? `'${cell}` : cell)));
    expect(at(invalidTypo, "synced_at")).toBe("31/02/2024 25:61");
    expect(text).toContain(",'=1+2,");

    // Read a page at a time: pages of one row give the same file.
    const paged = await exportSkippedRows({
      runId: run.id,
      storeId: store.id,
      organizationId: store.organizationId,
      shopDomain: store.shopDomain,
      query: {},
      pageSize: 1,
    });
    expect(await new Response(paged.stream).text()).toBe(text);

    // One reason only; a bad reason is refused naming it.
    const onlyMismatch = await download(owner, "?reason=key_mismatch");
    expect([...csvRecords(onlyMismatch.body as string)].filter((record) => record.length > 1)).toHaveLength(2);
    const bad = await download(owner, "?reason=lost");
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatchObject({ field: "reason" });
    expect(bad.body.error.message).toContain("reason");

    // The restore reads the download as is: the reason columns are ignored.
    const parsed = parseMappingExport(Buffer.from(text));
    expect(parsed.rows).toHaveLength(summary.skipped);
    expect(parsed.rows.find((row) => row.shopifyId === Number(changed[col("shopify_id")]))).toMatchObject({
      resourceType: "customer",
      odooId: Number(changed[col("odoo_id")]),
      email: changed[col("email")],
      invalid: null,
    });

    // Fixed (the new email; the one bad cell of each invalid row) and uploaded: those three rows are
    // restored (the unreadable date is no reason to skip a row: it is restored as synced now).
    mismatch[downloadedHeader!.indexOf("email")] = "new.address@example.com";
    invalid[downloadedHeader!.indexOf("odoo_id")] = mangledOdooId;
    invalidTypo[downloadedHeader!.indexOf("shopify_id")] = typoShopifyId;
    const fixed = [downloadedHeader!, ...rows].map((record) => csvLine(record)).join("");
    const again = await restoreNow((await upload(owner, store.id, fixed)).body.run.id);
    expect(again.summary as TRestoreSummary).toMatchObject({ restored: 3, skipped: notSynced });
    const mapped = await mappingsOf(store.id);
    for (const [shopifyId, odooId] of [
      [changed[col("shopify_id")], changed[col("odoo_id")]],
      [mangled[col("shopify_id")], mangledOdooId],
      [typoShopifyId, typo[col("odoo_id")]],
    ])
      expect(mapped.find((row) => row.shopifyId === Number(shopifyId))).toMatchObject({
        odooId: Number(odooId),
        status: "synced",
      });

    // Only the store's own restore runs: another organization, an unknown id, another kind of run.
    expect((await download(stranger)).status).toBe(404);
    expect((await download(owner, "", crypto.randomUUID())).status).toBe(404);
    expect((await download(owner, "", "not-a-run")).status).toBe(404);
    const refresh = await refreshIndexNow({ storeId: store.id, organizationId: store.organizationId });
    expect((await download(owner, "", refresh.id)).status).toBe(404);
    const otherStore = await addSandboxStoreAs(owner);
    expect((await download(owner, "", run.id, otherStore.id)).status).toBe(404);
  });
});
