"use client";

import { Layout } from "@shopify/polaris";
import type { SandboxSizes } from "@/components/api/stores";
import { SyncOverviewSection } from "@/components/sync/overview/sync-overview-section";
import { ConnectionCard } from "./connection-card";
import { StorePage } from "./store-page";

type Props = { storeId: string; justConnected: boolean; sizes: SandboxSizes };

// The store's overview, in sections: where its items stand with Odoo first, then how Synco reaches it.
export function StoreView({ storeId, justConnected, sizes }: Props) {
  return (
    <StorePage storeId={storeId} section="overview" justConnected={justConnected}>
      {({ store, canManage }) => (
        <Layout>
          <Layout.Section>
            <SyncOverviewSection store={store} canManage={canManage} />
          </Layout.Section>
          <Layout.AnnotatedSection
            id="connection"
            title="Connection"
            description="How Synco reaches this store in Shopify."
          >
            <ConnectionCard store={store} sizes={sizes} canManage={canManage} />
          </Layout.AnnotatedSection>
        </Layout>
      )}
    </StorePage>
  );
}
