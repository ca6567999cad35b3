"use client";

import { Banner, BlockStack } from "@shopify/polaris";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { useLatestOperation, useResumeOperation } from "@/components/api/operations";
import type { Store } from "@/components/api/stores";
import { useSyncOverview } from "@/components/api/sync";
import { formatDateTime } from "../format-time";
import { describeContents } from "../sandbox-contents";

type Props = { store: Store; justConnected: boolean; canManage: boolean };

/** What the merchant should know first: just connected, seeded (after watching it seed: the run itself shows below), failed, disconnected. */
export function StoreNotices({ store, justConnected, canManage }: Props) {
  const router = useRouter();
  const [sawSeeding, setSawSeeding] = useState(store.seedStatus === "seeding");
  const [readyDismissed, setReadyDismissed] = useState(false);
  // Adjusted while rendering, not in an effect: remembers that this visit watched the seeding finish.
  if (store.seedStatus === "seeding" && !sawSeeding) setSawSeeding(true);
  // "Ready" and what the store holds come from the overview the cards below show, once it has
  // counted the items read from the new store: never "500 products" over cards still at 0.
  // Only read once the store is ready after this visit watched it seed: other pages need no overview.
  const overview = useSyncOverview(store.id, { enabled: sawSeeding && store.seedStatus === "ready" });
  const counted = overview.data?.index.refreshedAt ? overview.data.types : null;
  const seedRun = useLatestOperation(store.id, "seed", store.seedStatus === "failed");
  const retry = useResumeOperation(store.id);

  const notices: ReactNode[] = [];
  if (justConnected && store.status !== "disconnected") {
    notices.push(
      <Banner
        key="connected"
        tone="success"
        title="Shopify store connected"
        onDismiss={() => router.replace(`/stores/${store.id}`)}
      >
        <p>
          Synco can now work with {store.shopDomain}, and Shopify will tell Synco about changes to its customers,
          products and orders.
        </p>
      </Banner>,
    );
  }
  if (store.status === "disconnected") {
    notices.push(
      <Banner
        key="state"
        tone="warning"
        title="This store is disconnected"
        action={
          canManage && store.kind === "sandbox" ? { content: "Add a sandbox store", url: "/stores/new" } : undefined
        }
      >
        <p>
          {store.disconnectedAt ? `Since ${formatDateTime(store.disconnectedAt)}, ` : ""}Synco holds no credentials for{" "}
          {store.shopDomain} and does not work with it. Its history is kept.
          {store.kind === "sandbox"
            ? " A sandbox store cannot be reconnected, but you can add a new one at any time."
            : ""}
        </p>
      </Banner>,
    );
  } else if (store.seedStatus === "failed") {
    notices.push(
      <Banner
        key="state"
        tone="critical"
        title="Seeding failed"
        action={
          canManage && seedRun.data?.resumable
            ? { content: "Retry", onAction: () => retry.mutate(seedRun.data!.id), loading: retry.isPending }
            : undefined
        }
      >
        <p>
          The sample data could not be created{seedRun.data?.error ? `: ${seedRun.data.error}` : "."} Retry, or
          disconnect this store and add a new sandbox store.
        </p>
        {retry.error ? <p>Could not retry: {retry.error.message}</p> : null}
      </Banner>,
    );
  } else if (sawSeeding && store.seedStatus === "ready" && counted && !readyDismissed) {
    const contents = describeContents({
      products: counted.product.total,
      customers: counted.customer.total,
      orders: counted.order.total,
    });
    notices.push(
      <Banner key="state" tone="success" title="Sandbox store ready" onDismiss={() => setReadyDismissed(true)}>
        <p>It holds {contents}.</p>
      </Banner>,
    );
  }
  if (notices.length === 0) return null;

  return <BlockStack gap="400">{notices}</BlockStack>;
}
