"use client";

import { Banner, BlockStack, Card, Layout, Link, Text } from "@shopify/polaris";
import { RunHistoryCard } from "@/components/operations/run-history-card";
import { StorePage } from "../store/store-page";
import { can } from "@/lib/organizations/permissions";
import { ClearExplainer } from "./clear-explainer";
import { ClearSection } from "./clear-section";
import { RestoreSection } from "./restore-section";

/** Store → Settings → Advanced settings: Clear Synco Data, and the history of the store's work. */
export function AdvancedSettingsView({ storeId }: { storeId: string }) {
  return (
    <StorePage storeId={storeId} section="settings" followsExclusiveRuns>
      {({ store, role }) => {
        const canClear = can(role, "clear.start");
        return (
          <BlockStack gap="400">
            <Text as="h2" variant="headingLg">
              <Link url={`/stores/${store.id}/settings`}>Settings</Link> › Advanced settings
            </Text>
            <Layout>
              <Layout.AnnotatedSection
                id="clear"
                title="Clear Synco Data"
                description="Remove every sync status and Shopify↔Odoo mapping Synco keeps for this store, in Shopify and in Synco."
              >
                <Card>
                  <BlockStack gap="400">
                    {!canClear ? (
                      <Banner tone="info" title="You have read-only access">
                        <p>
                          Only owners and admins can clear Synco data, because it permanently deletes the mapping of the
                          store&apos;s items for everyone in the organization.
                        </p>
                      </Banner>
                    ) : null}
                    <ClearExplainer shopDomain={store.shopDomain} />
                    <ClearSection store={store} canManage={canClear} />
                  </BlockStack>
                </Card>
              </Layout.AnnotatedSection>
              <Layout.AnnotatedSection
                id="restore"
                title="Restore from export"
                description="Bring back the mapping of a mapping export, after a clear done by mistake or a lost connection."
              >
                <Card>
                  <RestoreSection store={store} canManage={can(role, "mappings.restore")} />
                </Card>
              </Layout.AnnotatedSection>
              {/* Six columns need the page's whole width. */}
              <Layout.Section>
                <BlockStack gap="200">
                  <Text as="h2" variant="headingMd" id="history">
                    History
                  </Text>
                  <Text as="p" tone="subdued">
                    Everything that has run on this store: who started it, what it covered, how long it took and how it
                    ended.
                  </Text>
                  <RunHistoryCard storeId={store.id} />
                </BlockStack>
              </Layout.Section>
            </Layout>
          </BlockStack>
        );
      }}
    </StorePage>
  );
}
