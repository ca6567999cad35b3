// Adds a sandbox store: a new shop on this app's sandbox Shopify with the app installed, its
// token encrypted like a real store's, seeded with the sandbox's preset for the size. Small stores
// are seeded in the request (well under a second); medium and large ones by a background job
// while the store shows `seeding`.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/audit/record-audit";
import { enqueue } from "@/lib/jobs/enqueue";
import { createSandboxShop } from "@/lib/sandbox/shopify/create-sandbox-shop";
import { seedSandboxShop } from "./sandbox/seed-sandbox-store-data";
import { saveConnectedStore } from "./save-connected-store";
import { DEFAULT_METAFIELD_NAMESPACE, type TAddSandboxStoreRequest, type TStoreResponse } from "./schemas";
import { toStoreView } from "./store-view";
import { subscribeStoreWebhooks } from "./subscribe-store-webhooks";

export async function addSandboxStore({
  organizationId,
  actor,
  size,
  name,
}: TAddSandboxStoreRequest & { organizationId: string; actor: Actor }): Promise<TStoreResponse> {
  const shopDomain = `sandbox-${randomUUID().slice(0, 12)}.myshopify.com`;
  const displayName = name ?? `Sandbox store (${size})`;
  const created = await createSandboxShop({ domain: shopDomain, name: displayName });
  if (size === "small") await seedSandboxShop({ shopDomain, size, namespace: DEFAULT_METAFIELD_NAMESPACE });
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
    sandbox: { size, seedStatus: size === "small" ? "ready" : "seeding" },
    afterSave: async (tx, saved) => {
      if (size !== "small") {
        await enqueue(
          "sandbox.seed-store",
          { storeId: saved.id, organizationId, shopDomain, size },
          { tx, singletonKey: saved.id },
        );
      }
    },
  });
  if (size === "small") await subscribeStoreWebhooks({ store, accessToken: created.accessToken });
  return { store: toStoreView(store) };
}
