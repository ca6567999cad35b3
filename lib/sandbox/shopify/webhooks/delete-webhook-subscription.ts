import { and, eq } from "drizzle-orm";
import {
  sandboxShopifyWebhookDeliveries as deliveries,
  sandboxShopifyWebhookSubscriptions as subscriptions,
} from "@/db/schema/sandbox-shopify-webhooks";
import type { SandboxDb } from "../sandbox-db";

/** Deletes one of the app's subscriptions and drops its deliveries still waiting; false when it is not the app's. */
export async function deleteWebhookSubscription({
  db,
  installationId,
  subscriptionId,
}: {
  db: SandboxDb;
  installationId: number;
  subscriptionId: number;
}): Promise<boolean> {
  return db
    .transaction(async (tx) => {
      await tx
        .delete(deliveries)
        .where(and(eq(deliveries.subscriptionId, subscriptionId), eq(deliveries.status, "pending")));
      const deleted = await tx
        .delete(subscriptions)
        .where(and(eq(subscriptions.id, subscriptionId), eq(subscriptions.installationId, installationId)))
        .returning({ id: subscriptions.id });
      if (deleted.length === 0) throw new NotMine();
      return true;
    })
    .catch((error: unknown) => {
      if (error instanceof NotMine) return false;
      throw error;
    });
}

class NotMine extends Error {}
