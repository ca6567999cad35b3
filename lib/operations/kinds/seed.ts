// The `seed` kind: a medium or large sandbox store filled with the sandbox's preset for its size
// (products, customers, orders, the sync state an earlier install left), then its webhooks
// subscribed, then its first index refresh queued, and beside it the seeding of its sandbox Odoo
// (a job of its own: a large store's Odoo records take about a minute, which the refresh need not
// wait for). Phases: seeding (figures per type as each is written, committed together at the end)
// → webhooks.
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { stores } from "@/db/schema/stores";
import { findStore } from "@/lib/stores/find-store";
import { enqueue } from "@/lib/jobs/enqueue";
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
    if (!ready) return;
    await startStoreSync(tx, ready, { after: "seed" });
    // Its sandbox Odoo gets the records the synced items point to (kept if already there).
    await enqueue("sandbox.seed-odoo", { storeId, organizationId }, { tx, singletonKey: storeId });
  });
  return { size, seeded, ...plan };
};
