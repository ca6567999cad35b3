"use client";

import { Banner, BlockStack, InlineStack, Link } from "@shopify/polaris";
import { useResumeOperation } from "@/components/api/operations";
import type { ReactNode } from "react";
import type { SyncOverview } from "@/components/api/sync";
import { formatDateTime } from "@/components/stores/format-time";
import { RESOURCE_TYPES } from "@/lib/vocabulary/sync";
import { formatCount } from "../format";
import { RESOURCES, refusedListUrl } from "../resource-types";

/** The overview counts the mirror's backlog up to this many. */
const MIRROR_CAP = 10_000;
const many = (count: number) => (count >= MIRROR_CAP ? `${formatCount(MIRROR_CAP)}+` : formatCount(count));

/** What needs a look beside the counts: a refresh that failed (with Retry), mapping writes Shopify has not shown yet or refused. */
export function SyncNotices({
  overview,
  refreshing,
  canManage,
}: {
  overview: SyncOverview;
  refreshing: boolean;
  canManage: boolean;
}) {
  const { index, mirror, types } = overview;
  const retry = useResumeOperation(overview.storeId);
  const notices: ReactNode[] = [];
  // A refresh that failed or was cancelled: what it means, and Retry / Resume from where it stopped.
  if ((index.state === "failed" || index.state === "cancelled") && !refreshing) {
    const failed = index.state === "failed";
    const runId = index.runId;
    const verb = failed ? "Retry" : "Resume";
    notices.push(
      <Banner
        key="index"
        tone={failed ? "critical" : "info"}
        title={failed ? "Refresh from Shopify failed" : "Refresh from Shopify cancelled"}
        action={
          canManage && runId
            ? { content: verb, onAction: () => retry.mutate(runId), loading: retry.isPending }
            : undefined
        }
      >
        <p>
          {failed
            ? `${index.finishedAt ? `On ${formatDateTime(index.finishedAt)}, ` : ""}Synco could not read the store's items from Shopify${index.lastError ? `: ${index.lastError}` : "."} `
            : "It stopped before reading everything. "}
          The counts and lists show the items as of the last successful refresh, plus the changes Shopify has reported
          since.
        </p>
        {retry.error ? (
          <p>
            Could not {verb.toLowerCase()}: {retry.error.message}
          </p>
        ) : null}
      </Banner>,
    );
  }
  if (mirror.failed > 0) {
    notices.push(
      <Banner
        key="mirror-failed"
        tone="warning"
        title={`Shopify refused ${many(mirror.failed)} ${mirror.failed === 1 ? "mapping" : "mappings"}`}
      >
        <p>
          Synco could not write {mirror.failed === 1 ? "this mapping" : "these mappings"} to the items&apos; sync
          metafield in Shopify, often because the item was deleted there. Synco tries again the next time the mapping
          changes.
        </p>
        <InlineStack gap="300">
          {RESOURCE_TYPES.filter((type) => types[type].mirrorFailed > 0).map((type) => (
            <Link key={type} url={refusedListUrl(overview.storeId, type)}>
              {`See ${many(types[type].mirrorFailed)} ${types[type].mirrorFailed === 1 ? RESOURCES[type].singular : RESOURCES[type].plural}`}
            </Link>
          ))}
        </InlineStack>
      </Banner>,
    );
  }
  if (mirror.pending > 0) {
    notices.push(
      <Banner key="mirror-pending" tone="info">
        <p>
          {many(mirror.pending)} {mirror.pending === 1 ? "mapping is" : "mappings are"} waiting to be written to
          Shopify. Synco writes each mapping to its item&apos;s sync metafield, so it shows in the Shopify admin too.
        </p>
      </Banner>,
    );
  }
  return notices.length > 0 ? <BlockStack gap="300">{notices}</BlockStack> : null;
}
