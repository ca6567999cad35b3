"use client";

import { EmptySearchResult } from "@shopify/polaris";
import type { ResourceType, SyncMirrorFilter, SyncTab } from "@/lib/vocabulary/sync";
import { RESOURCES } from "../resource-types";

/** Why the table is empty: a search with no match, a tab with nothing on it, or items not read from Shopify yet. */
export function ListEmptyState({
  type,
  tab,
  mirror,
  q,
  indexing,
}: {
  type: ResourceType;
  tab: SyncTab;
  mirror: SyncMirrorFilter | null;
  q: string;
  indexing: boolean;
}) {
  const { plural, searchHint } = RESOURCES[type];
  if (q) {
    return (
      <EmptySearchResult
        title={`No ${plural} match “${q}”`}
        description={`${searchHint}, or try another tab.`}
        withIllustration
      />
    );
  }
  if (mirror) {
    const { singular, plural } = RESOURCES[type];
    return (
      <EmptySearchResult
        title={`Shopify has refused no ${singular} mappings`}
        description={`${plural[0]!.toUpperCase()}${plural.slice(1)} whose mapping Shopify would not store in their sync metafield appear here, with Shopify's message.`}
      />
    );
  }
  if (indexing) {
    return (
      <EmptySearchResult
        title={`Reading the store's ${plural} from Shopify…`}
        description="They appear here as soon as Synco has read them."
      />
    );
  }
  const { title, description } = MESSAGES[tab](RESOURCES[type]);
  return <EmptySearchResult title={title} description={description} />;
}

type Words = (typeof RESOURCES)[ResourceType];

const MESSAGES: Record<SyncTab, (words: Words) => { title: string; description: string }> = {
  all: ({ plural }) => ({
    title: `No ${plural} yet`,
    description: `The store had no ${plural} in Shopify at the last refresh.`,
  }),
  synced: ({ title, plural }) => ({
    title: `No synced ${plural}`,
    description: `${title} appear here once Synco has synced them to Odoo.`,
  }),
  not_synced: ({ title, singular }) => ({
    title: `Every ${singular} has been synced or tried`,
    description: `${title} that Synco has not synced to Odoo yet appear here.`,
  }),
  failed: ({ title, plural }) => ({
    title: `No failed ${plural}`,
    description: `${title} that Synco could not sync to Odoo appear here, with the reason.`,
  }),
};
