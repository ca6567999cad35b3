// A finished sync's summary in words: what was linked to Odoo's records and what was created.
import { describe, expect, it } from "vitest";
import { runCountWords, syncSummaryLines } from "./run-words";

const sync = (summary: unknown) => ({ kind: "sync" as const, summary: summary as Record<string, unknown> | null });

describe("syncSummaryLines", () => {
  it("names every type the run touched, 0 included, in list order", () => {
    expect(
      syncSummaryLines(
        sync({
          linked: { order: 5000, customer: 1, product: 0 },
          created: { order: 0, customer: 0, product: 12 },
          failed: { order: 2, customer: 0, product: 0 },
        }),
      ),
    ).toEqual([
      "Products: 0 linked to existing Odoo records, 12 created",
      "Customers: 1 linked to an existing Odoo record, 0 created",
      "Orders: 5,000 linked to existing Odoo records, 0 created, 2 failed",
    ]);
  });

  it("says nothing for other runs or a sync without its summary", () => {
    expect(syncSummaryLines({ kind: "clear", summary: { linked: { order: 1 } } })).toEqual([]);
    expect(syncSummaryLines(sync(null))).toEqual([]);
  });

  it("is what the run history shows for a sync", () => {
    const run = { ...sync({ linked: { order: 3 }, created: { order: 0 } }), counters: {} } as never;
    expect(runCountWords(run)).toBe("Orders: 3 linked to existing Odoo records, 0 created");
  });
});
