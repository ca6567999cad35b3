import type { Database } from "@/db/client";

export type WebhookTx = Parameters<Parameters<Database["transaction"]>[0]>[0];
