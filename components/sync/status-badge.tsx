"use client";

import { Badge, type BadgeProps } from "@shopify/polaris";
import { SYNC_STATUS_LABEL, type SyncStatus } from "@/lib/vocabulary/sync";

const BADGES: Record<SyncStatus, { tone?: BadgeProps["tone"]; progress: BadgeProps["progress"] }> = {
  synced: { tone: "success", progress: "complete" },
  not_synced: { progress: "incomplete" },
  failed: { tone: "critical", progress: "incomplete" },
};

/** An item's sync status, the same everywhere: lists, drawer. */
export function SyncStatusBadge({ status }: { status: SyncStatus }) {
  const { tone, progress } = BADGES[status];
  return (
    <Badge tone={tone} progress={progress} toneAndProgressLabelOverride="Sync status:">
      {SYNC_STATUS_LABEL[status]}
    </Badge>
  );
}
