// `npm run bench:odoo-seed`: how long a sandbox store's Odoo side takes to seed (the records its
// synced items point to, decision 74), beside the store's own Shopify seeding in the same run, for
// each preset size on a fresh database; then checks that every Odoo id and invoice id the sync
// state names exists in the sandbox Odoo. `-- --sizes small,medium` limits the sizes.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { openBenchDatabase } from "./bench/bench-database";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({ options: { sizes: { type: "string", default: "small,medium,large" } } });

async function main() {
  const database = await openBenchDatabase({ root });
  process.env.DATABASE_URL = database.url;
  const { db, closeDb } = await import("../db/client");
  const { createSandboxShop, seedSandboxShop } = await import("../lib/sandbox/shopify/provisioning");
  const { createSandboxOdoo } = await import("../lib/sandbox/odoo/provisioning");
  const { seedStoreSandboxOdoo } = await import("../lib/stores/odoo/seed-store-sandbox-odoo");
  const rows: string[][] = [];
  try {
    for (const size of values.sizes.split(",") as ("small" | "medium" | "large")[]) {
      const handle = `bench-${size}-${Date.now().toString(16)}`;
      const shopDomain = `${handle}.myshopify.com`;
      await createSandboxShop({ domain: shopDomain, name: handle });
      const odoo = await createSandboxOdoo({ database: handle, version: 19 });
      let started = performance.now();
      await seedSandboxShop({ shopDomain, size, namespace: "synco" });
      const shopifyMs = performance.now() - started;
      started = performance.now();
      const { counts } = await seedStoreSandboxOdoo({ shopDomain, namespace: "synco", odooDatabase: odoo.database });
      const odooMs = performance.now() - started;
      const records = Object.values(counts!).reduce((a, b) => a + b, 0);
      const missing = await missingIds(db, shopDomain, odoo.database);
      rows.push([
        size,
        `${counts!.orders.toLocaleString("en")} orders, ${counts!.partners.toLocaleString("en")} partners, ${counts!.templates.toLocaleString("en")} products`,
        records.toLocaleString("en"),
        `${(shopifyMs / 1000).toFixed(1)} s`,
        `${(odooMs / 1000).toFixed(1)} s`,
        `${Math.round(records / (odooMs / 1000)).toLocaleString("en")}`,
        String(missing),
      ]);
      console.error(`[bench:odoo-seed] ${size} done`);
    }
  } finally {
    await closeDb();
    await database.stop();
  }
  const header = [
    "store",
    "synced items in Odoo",
    "Odoo records written",
    "Shopify seeding",
    "Odoo seeding",
    "Odoo records/s",
    "ids missing in Odoo",
  ];
  console.log(`| ${header.join(" | ")} |`);
  console.log(`|${header.map(() => "---").join("|")}|`);
  for (const row of rows) console.log(`| ${row.join(" | ")} |`);
}

/** Odoo ids and invoice ids named by the shop's sync state that the sandbox Odoo lacks (should be 0). */
async function missingIds(db: typeof import("../db/client").db, shopDomain: string, odooDatabase: string) {
  const result = await db.execute<{ missing: number }>(sql`
    with state as (
      select m.owner_type, (m.value::jsonb->>'odoo_id')::int as odoo_id, (m.value::jsonb->>'odoo_invoice_id')::int as invoice_id
      from sandbox_shopify_metafields m join sandbox_shopify_shops s on s.id = m.shop_id
      where s.domain = ${shopDomain} and m.namespace = 'synco' and m.key = 'sync' and m.value::jsonb->>'status' = 'synced'
    ), wanted as (
      select case owner_type when 'ORDER' then 'sale.order' when 'CUSTOMER' then 'res.partner' else 'product.template' end as model, odoo_id as id from state
      union all select 'account.move', invoice_id from state where invoice_id is not null
    )
    select count(*)::int as missing from wanted w
    where not exists (select 1 from sandbox_odoo_records r join sandbox_odoo_databases d on d.id = r.database_id
      where d.name = ${odooDatabase} and r.model = w.model and r.id = w.id)`);
  return Number(result.rows[0]!.missing);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
