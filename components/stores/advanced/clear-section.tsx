"use client";

import { BlockStack, Button, InlineStack, Text } from "@shopify/polaris";
import { useState } from "react";
import { useActiveOperations, useLatestOperation, useOperationRun } from "@/components/api/operations";
import type { Store } from "@/components/api/stores";
import { OperationRunCard } from "@/components/operations/operation-run-card";
import { isActiveStatus } from "@/lib/operations/schemas";
import { ClearModal } from "./clear-modal";
import { ClearProgress } from "./clear-progress";
import { ClearResult } from "./clear-result";

/**
 * The clear's live part of Advanced settings: the run under way (whoever started it, in whichever
 * tab), else how the last clear ended, and the button. A page reloaded mid-clear finds the run in
 * the store's stream and follows it again.
 */
export function ClearSection({ store, canManage }: { store: Store; canManage: boolean }) {
  const active = useActiveOperations(store.id).data ?? [];
  const exclusive = active.find((run) => run.exclusive);
  const latest = useLatestOperation(store.id, "clear");
  // The run this page follows: the one under way, else the last clear (which this page may just have started).
  const [startedId, setStartedId] = useState<string | null>(null);
  const followedId = exclusive?.kind === "clear" ? exclusive.id : (startedId ?? latest.data?.id ?? null);
  const followed = useOperationRun(store.id, followedId).data;
  const [opening, setOpening] = useState(0);
  const [open, setOpen] = useState(false);
  const connected = store.status === "connected";

  return (
    <BlockStack gap="400">
      {exclusive && exclusive.kind !== "clear" ? <OperationRunCard run={exclusive} canManage={canManage} /> : null}
      {followed && isActiveStatus(followed.status) ? (
        <ClearProgress run={followed} canManage={canManage} />
      ) : followed ? (
        <ClearResult run={followed} canManage={canManage} />
      ) : null}
      {canManage ? (
        <BlockStack gap="200">
          <InlineStack align="end">
            <Button
              variant="primary"
              tone="critical"
              disabled={!connected || Boolean(exclusive)}
              onClick={() => {
                setOpening((count) => count + 1);
                setOpen(true);
              }}
            >
              Clear Synco Data
            </Button>
          </InlineStack>
          {!connected ? (
            <Text as="p" alignment="end" tone="subdued">
              Connect the store again to clear its Synco data.
            </Text>
          ) : exclusive ? (
            <Text as="p" alignment="end" tone="subdued">
              Available again when the work under way ends.
            </Text>
          ) : null}
        </BlockStack>
      ) : null}
      {/* A new dialog per opening: a new idempotency key, nothing typed carried over. */}
      {canManage && opening > 0 ? (
        <ClearModal
          key={opening}
          store={store}
          open={open}
          onClose={() => setOpen(false)}
          onStarted={(runId) => {
            setStartedId(runId);
            setOpen(false);
          }}
        />
      ) : null}
    </BlockStack>
  );
}
