"use client";

import { Badge, type BadgeProps } from "@shopify/polaris";
import type { Store } from "@/components/api/stores";
import { STORE_KIND_LABEL } from "@/lib/vocabulary/stores";

/** Sandbox stores are always labelled as such, so nobody mistakes them for a client's shop. */
export function StoreKindBadge({ kind }: { kind: Store["kind"] }) {
  return <Badge tone={kind === "sandbox" ? "magic" : undefined}>{STORE_KIND_LABEL[kind]}</Badge>;
}

type State = {
  label: string;
  tone?: BadgeProps["tone"];
  progress?: BadgeProps["progress"];
  /** someone has to act */ attention?: boolean;
};

type StateOf = Pick<Store, "status" | "seedStatus" | "connectionMethod" | "sync">;

/** One word for where the store stands: its connection first, then (sandbox) its seeding, then its sync's health. */
export function storeState(store: StateOf): State {
  if (store.status === "disconnected") return { label: "Disconnected", progress: "incomplete" };
  if (store.status === "needs_reauth") {
    // A custom app's token is replaced by pasting a new one; an OAuth store is approved again in Shopify.
    return {
      label: store.connectionMethod === "token" ? "Needs a new token" : "Needs re-authorisation",
      tone: "warning",
      progress: "incomplete",
      attention: true,
    };
  }
  if (store.seedStatus === "seeding") return { label: "Seeding…", tone: "info", progress: "partiallyComplete" };
  if (store.seedStatus === "failed")
    return { label: "Seeding failed", tone: "critical", progress: "incomplete", attention: true };
  const { refresh, failed } = store.sync;
  if (refresh === "failed")
    return { label: "Refresh failed", tone: "critical", progress: "incomplete", attention: true };
  if (refresh === "queued" || refresh === "running")
    return { label: "Importing…", tone: "info", progress: "partiallyComplete" };
  if (failed > 0) {
    const count = new Intl.NumberFormat("en").format(failed);
    return { label: `${count} failed to sync`, tone: "warning", progress: "complete", attention: true };
  }
  return { label: refresh === "succeeded" ? "Healthy" : "Connected", tone: "success", progress: "complete" };
}

export function StoreStateBadge({ store }: { store: StateOf }) {
  const { label, tone, progress } = storeState(store);
  return (
    <Badge tone={tone} progress={progress} toneAndProgressLabelOverride="Store status:">
      {label}
    </Badge>
  );
}
