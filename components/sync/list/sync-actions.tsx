"use client";

import { Banner, BlockStack, Button, InlineStack, Text } from "@shopify/polaris";
import { useRequestOdooSync } from "@/components/api/odoo-sync";
import { ErrorBanner } from "@/components/ui/error-banner";
import { ODOO_SYNC_TYPES, ODOO_SYNC_TYPE_RESOURCE, type OdooSyncType } from "@/lib/vocabulary/odoo-sync";
import type { ResourceType } from "@/lib/vocabulary/sync";
import { formatCount } from "../format";
import { RESOURCES } from "../resource-types";
import { LastSyncResult } from "./last-sync-result";

export const apiType = (type: ResourceType): OdooSyncType =>
  ODOO_SYNC_TYPES.find((candidate) => ODOO_SYNC_TYPE_RESOURCE[candidate] === type)!;

/**
 * A list's sync buttons: every item not synced, and the failed ones again (while there are any).
 * The run shows above the list, live, like every run of the store. Members are told why they
 * have no buttons.
 */
export function SyncActions({
  storeId,
  type,
  notSynced,
  failed,
  canSync,
}: {
  storeId: string;
  type: ResourceType;
  notSynced: number | undefined;
  failed: number | undefined;
  canSync: boolean;
}) {
  const sync = useRequestOdooSync(storeId);
  const words = RESOURCES[type];
  if (!canSync)
    return (
      <BlockStack gap="200">
        <Banner tone="info">
          <p>Only owners and admins can sync {words.plural} to Odoo; you can follow each sync here.</p>
        </Banner>
        <LastSyncResult storeId={storeId} />
      </BlockStack>
    );
  const ask = (scope: "not_synced" | "failed") =>
    sync.mutate({ scope, type: apiType(type), idempotencyKey: crypto.randomUUID() });
  const queued = sync.data?.queued;
  return (
    <BlockStack gap="200">
      <InlineStack gap="200" align="end" blockAlign="center">
        <div aria-live="polite">
          {queued !== undefined ? (
            <Text as="span" tone="subdued">
              {queued === 0
                ? "Nothing new to sync"
                : `${formatCount(queued)} ${queued === 1 ? words.singular : words.plural} queued for Odoo`}
            </Text>
          ) : null}
        </div>
        {failed ? (
          <Button onClick={() => ask("failed")} loading={sync.isPending && sync.variables?.scope === "failed"}>
            {`Retry failed (${formatCount(failed)})`}
          </Button>
        ) : null}
        <Button
          variant="primary"
          disabled={!notSynced}
          onClick={() => ask("not_synced")}
          loading={sync.isPending && sync.variables?.scope === "not_synced"}
        >
          {`Sync all not synced${notSynced ? ` (${formatCount(notSynced)})` : ""}`}
        </Button>
      </InlineStack>
      <ErrorBanner title="The sync was not started" error={sync.error} />
      <LastSyncResult storeId={storeId} />
    </BlockStack>
  );
}
