// Starts this process's background workers — the bulk operation runner and the webhook
// deliverer — once, on the first sandbox request (Next route or standalone server). Both poll
// PostgreSQL and claim work with row locks, so several processes on one database share the work;
// their timers never keep a process alive. `stopSandboxWorkers` hands claimed work back.
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { startBulkRunner, type BulkRunner } from "../bulk/bulk-runner";
import type { SandboxDb } from "../sandbox-db";
import { startWebhookDeliverer, type WebhookDeliverer } from "../webhooks/webhook-deliverer";
import { setWorkerKicks } from "./worker-kicks";

type Workers = { bulk: BulkRunner; webhooks: WebhookDeliverer };

// On globalThis so Next's dev reloads do not start a second set.
const holder = globalThis as unknown as { __syncoSandboxWorkers?: Workers };

export function ensureSandboxWorkers({ db }: { db: SandboxDb }): void {
  if (holder.__syncoSandboxWorkers || process.env.SANDBOX_SHOPIFY_WORKERS === "off") return;
  const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const workers: Workers = { bulk: startBulkRunner({ db, owner }), webhooks: startWebhookDeliverer({ db }) };
  holder.__syncoSandboxWorkers = workers;
  setWorkerKicks({ bulk: workers.bulk.kick, webhooks: workers.webhooks.kick });
}

export async function stopSandboxWorkers(): Promise<void> {
  const workers = holder.__syncoSandboxWorkers;
  if (!workers) return;
  holder.__syncoSandboxWorkers = undefined;
  setWorkerKicks({ bulk: () => {}, webhooks: () => {} });
  await Promise.all([workers.bulk.stop(), workers.webhooks.stop()]);
}
