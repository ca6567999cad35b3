"use client";

import { Banner, BlockStack, Button, DropZone, InlineStack, Text } from "@shopify/polaris";
import { useState } from "react";
import { useActiveOperations, useLatestOperation, useOperationRun } from "@/components/api/operations";
import { useStartRestore } from "@/components/api/restore";
import type { Store } from "@/components/api/stores";
import { OperationRunCard } from "@/components/operations/operation-run-card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { isActiveStatus } from "@/lib/operations/schemas";
import { RESTORE_MAX_BYTES } from "@/lib/vocabulary/restore";
import { RestoreResult } from "./restore-result";

const MAX_MB = Math.round(RESTORE_MAX_BYTES / 1024 / 1024);

/**
 * Restore from export: a mapping export (CSV or JSON, as Synco writes it) uploaded, checked row by
 * row against Shopify and Odoo, followed live; then what was restored and why the rest was not.
 * Like the clear's section, it follows the run under way whoever started it, else the last restore.
 */
export function RestoreSection({ store, canManage }: { store: Store; canManage: boolean }) {
  const active = useActiveOperations(store.id).data ?? [];
  const exclusive = active.find((run) => run.exclusive);
  const latest = useLatestOperation(store.id, "restore");
  const [startedId, setStartedId] = useState<string | null>(null);
  const followedId = exclusive?.kind === "restore" ? exclusive.id : (startedId ?? latest.data?.id ?? null);
  const followed = useOperationRun(store.id, followedId).data;
  const [file, setFile] = useState<{ file: File; key: string } | null>(null);
  const start = useStartRestore(store.id);
  const connected = store.status === "connected";

  return (
    <BlockStack gap="400">
      <Text as="p">
        Upload a mapping export of this store (the CSV or JSON file Synco writes under Export mapping). Every row is
        checked: the Shopify item must still exist, and the Odoo record too, still holding the same email, SKU or order
        number. Valid rows become mappings again and are written to Shopify; the others are listed with the reason.
        Nothing is changed in Odoo, and items mapped since the export are left as they are.
      </Text>
      {followed && isActiveStatus(followed.status) ? (
        <OperationRunCard run={followed} canManage={canManage} />
      ) : followed ? (
        <RestoreResult run={followed} canManage={canManage} />
      ) : null}
      {canManage ? (
        <BlockStack gap="300">
          <DropZone
            label="Mapping export file"
            accept=".csv,.json,text/csv,application/json"
            type="file"
            allowMultiple={false}
            onDrop={(_all, accepted) => {
              const chosen = accepted[0];
              // A new file, a new request: its own Idempotency-Key.
              if (chosen) setFile({ file: chosen, key: crypto.randomUUID() });
              start.reset();
            }}
          >
            {file ? (
              <BlockStack inlineAlign="center" gap="100">
                <Text as="p" fontWeight="semibold">
                  {file.file.name}
                </Text>
                <Text as="p" tone="subdued" variant="bodySm">
                  {(file.file.size / 1024).toFixed(0)} KB · drop another file to replace it
                </Text>
              </BlockStack>
            ) : (
              <DropZone.FileUpload actionHint={`CSV or JSON, up to ${MAX_MB} MB`} actionTitle="Choose export file" />
            )}
          </DropZone>
          {start.error ? <ErrorBanner title="The file was not accepted" error={start.error} /> : null}
          <InlineStack align="end">
            <Button
              disabled={!file || !connected || Boolean(exclusive)}
              loading={start.isPending}
              onClick={() =>
                file &&
                start.mutate(
                  { file: file.file, idempotencyKey: file.key },
                  {
                    onSuccess: ({ run }) => {
                      setStartedId(run.id);
                      setFile(null);
                    },
                  },
                )
              }
            >
              Restore from export
            </Button>
          </InlineStack>
          {exclusive && exclusive.kind !== "restore" ? (
            <Text as="p" alignment="end" tone="subdued">
              Available again when the work under way ends.
            </Text>
          ) : !connected ? (
            <Text as="p" alignment="end" tone="subdued">
              Connect the store again to restore its mapping.
            </Text>
          ) : null}
        </BlockStack>
      ) : (
        <Banner tone="info">
          <p>
            Only owners and admins can restore a mapping, because it changes the sync status of the store&apos;s items.
          </p>
        </Banner>
      )}
    </BlockStack>
  );
}
