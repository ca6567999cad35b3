// Adds a sandbox store: a new shop on this app's sandbox Shopify with the app installed, its
// token encrypted like a real store's, seeded with the sandbox's preset for the size. Small stores
// are seeded in the request (well under a second); medium and large ones by a `seed` operation
// run, queued in the transaction that saves the store, which the page follows live. Each comes
// connected to a sandbox Odoo of its own, seeded with the records its synced items point to.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/audit/record-audit";
import { enqueueRun } from "@/lib/jobs/enqueue-run";
import { createSandboxOdoo } from "@/lib/sandbox/odoo/provisioning";
import { createSandboxShop, seedSandboxShop } from "@/lib/sandbox/shopify/provisioning";
import { insertSandboxOdooConnection } from "./odoo/odoo-connection";
import { seedStoreSandboxOdoo } from "./odoo/seed-store-sandbox-odoo";
import { saveConnectedStore } from "./save-connected-store";
import { DEFAULT_METAFIELD_NAMESPACE, type TAddSandboxStoreRequest, type TStoreResponse } from "./schemas";
import { storeView } from "./store-view";
import { subscribeStoreWebhooks } from "./subscribe-store-webhooks";

export async function addSandboxStore({
  organizationId,
  actor,
  size,
  name,
  scopes,
  odooVersion,
}: TAddSandboxStoreRequest & { organizationId: string; actor: Actor }): Promise<TStoreResponse> {
  const handle = `sandbox-${randomUUID().slice(0, 12)}`;
  const shopDomain = `${handle}.myshopify.com`;
  const displayName = name ?? `Sandbox store (${size})`;
  const created = await createSandboxShop({
    domain: shopDomain,
    name: displayName,
    scopes: scopes && [...new Set(scopes)],
  });
  // Its Odoo side: a sandbox Odoo database of its own, with a user and API key for Synco.
  const odoo = await createSandboxOdoo({ database: handle, version: odooVersion, companyName: displayName });
  if (size === "small") {
    await seedSandboxShop({ shopDomain, size, namespace: DEFAULT_METAFIELD_NAMESPACE });
    await seedStoreSandboxOdoo({ shopDomain, namespace: DEFAULT_METAFIELD_NAMESPACE, odooDatabase: odoo.database });
  }
  const { store } = await saveConnectedStore({
    organizationId,
    actor,
    kind: "sandbox",
    method: "sandbox",
    shopDomain,
    name: displayName,
    credentials: {
      accessToken: created.accessToken,
      scopes: created.installation.scopes,
      apiSecret: created.installation.apiSecret,
    },
    sandbox: { size, seeding: size !== "small" },
    afterSave: async (tx, saved) => {
      await insertSandboxOdooConnection(tx, saved, odoo);
      if (size !== "small")
        await enqueueRun(
          "sandbox.seed-store",
          { storeId: saved.id, organizationId },
          { tx, actor, trigger: "user", scope: { size } },
        );
    },
  });
  if (size === "small") await subscribeStoreWebhooks({ store, accessToken: created.accessToken });
  // Read back with its runs: a small store's first refresh is already queued, a larger one's seeding.
  return { store: await storeView(store) };
}
