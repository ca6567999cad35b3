"use client";

import { Badge, type BadgeProps } from "@shopify/polaris";
import type { SyncStatus } from "@/components/api/sync";

const BADGES: Record<SyncStatus, { label: string; tone?: BadgeProps["tone"]; progress: BadgeProps["progress"] }> = {
  synced: { label: "Synced", tone: "success", progress: "complete" },
  not_synced: { label: "Not synced", progress: "incomplete" },
  failed: { label: "Failed", tone: "critical", progress: "incomplete" },
};

/** An item's sync status, the same everywhere: lists, drawer. */
export function SyncStatusBadge({ status }: { status: SyncStatus }) {
  const { label, tone, progress } = BADGES[status];
  return (
    <Badge tone={tone} progress={progress} toneAndProgressLabelOverride="Sync status:">
      {label}
    </Badge>
  );
}
