// The `seed` kind: a medium or large sandbox store filled with the sandbox's preset for its size
// (products, customers, orders, the sync state an earlier install left), then its webhooks
// subscribed, then its first index refresh queued. Phases: seeding (figures per type as each is
// written, committed together at the end) → odoo (its sandbox Odoo's records) → webhooks.
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { stores } from "@/db/schema/stores";
import { findStore } from "@/lib/stores/find-store";
import { findOdooConnection } from "@/lib/stores/odoo/odoo-connection";
import { seedStoreSandboxOdoo } from "@/lib/stores/odoo/seed-store-sandbox-odoo";
import { sandboxSeedPlan, seedSandboxShop } from "@/lib/sandbox/shopify/provisioning";
import { startStoreSync } from "@/lib/stores/start-store-sync";
import { storeCredentials } from "@/lib/stores/store-credentials";
import { subscribeStoreWebhooks } from "@/lib/stores/subscribe-store-webhooks";
import type { SandboxSize } from "@/lib/vocabulary/stores";
import type { RunExecutor } from "../execute-run";
import { RunFailedError } from "../run-errors";

export const runSeed: RunExecutor = async (ctx) => {
  const { storeId, organizationId } = ctx.run;
  const store = await findStore({ storeId, organizationId });
  const size = ctx.run.scope.size as SandboxSize | undefined;
  if (store.kind !== "sandbox" || !size) throw new RunFailedError("Only a sandbox store can be seeded");
  const plan = sandboxSeedPlan(size);
  // A retry starts the (single-transaction) seeding over: its figures start over too.
  await ctx.phase("seeding");
  await ctx.progress(
    {},
    {
      replace: Object.fromEntries(
        Object.entries(plan).map(([type, planned]) => [type, { planned, done: 0, failed: 0 }]),
      ),
    },
  );
  const { seeded } = await seedSandboxShop({
    shopDomain: store.shopDomain,
    size,
    namespace: store.metafieldNamespace,
    onStep: ({ type, count }) => ctx.progress({ [type]: { done: count } }),
  });

  // Its sandbox Odoo gets the records the synced items point to (kept if already there).
  const odoo = await findOdooConnection(store);
  if (odoo?.sandbox) {
    await ctx.phase("odoo");
    await seedStoreSandboxOdoo({
      shopDomain: store.shopDomain,
      namespace: store.metafieldNamespace,
      odooDatabase: odoo.database,
    });
  }

  await ctx.phase("webhooks");
  const credentials = storeCredentials(store);
  if (credentials) await subscribeStoreWebhooks({ store, accessToken: credentials.accessToken });
  await db.transaction(async (tx) => {
    const [ready] = await tx
      .update(stores)
      .set({ updatedAt: new Date(), lastActivityAt: new Date() })
      .where(and(eq(stores.id, storeId), eq(stores.organizationId, organizationId)))
      .returning();
    // Next: the first index refresh, which also turns the seeded sync state into mapping rows.
    if (ready) await startStoreSync(tx, ready, { after: "seed" });
  });
  return { size, seeded, ...plan };
};
