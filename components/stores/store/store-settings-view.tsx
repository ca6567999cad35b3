"use client";

import { BlockStack, Button, Card, InlineStack, Layout, Text } from "@shopify/polaris";
import { AutoSyncCard } from "./auto-sync-card";
import { ConnectionMethodCard } from "./connection-method-card";
import { DisconnectCard } from "./disconnect-card";
import { OdooConnectionCard } from "./odoo-connection-card";
import { ReconnectCard } from "./reconnect-card";
import { SettingsCard } from "./settings-card";
import { advancedSettingsPath, StorePage } from "./store-page";

// The store's settings, in sections; Advanced settings (Clear Synco Data, history) is a page of its own.
export function StoreSettingsView({ storeId }: { storeId: string }) {
  return (
    <StorePage storeId={storeId} section="settings">
      {({ store, canManage }) => {
        const disconnected = store.status === "disconnected";
        return (
          <Layout>
            <Layout.AnnotatedSection
              id="settings"
              title="Settings"
              description="How the store is named in Synco, and where Synco keeps its data in Shopify."
            >
              <SettingsCard key={`${store.name}\n${store.metafieldNamespace}`} store={store} canManage={canManage} />
            </Layout.AnnotatedSection>
            <Layout.AnnotatedSection
              id="connection"
              title="Connection"
              description="How Synco reaches this store in Shopify."
            >
              <ConnectionMethodCard store={store} canManage={canManage} />
            </Layout.AnnotatedSection>
            <Layout.AnnotatedSection
              id="odoo"
              title="Odoo connection"
              description="The Odoo this store syncs with: its address, database, and the user and API key Synco acts as. Each store may use a different Odoo."
            >
              <div id="odoo-connection">
                <OdooConnectionCard store={store} canManage={canManage} />
              </div>
            </Layout.AnnotatedSection>
            <Layout.AnnotatedSection
              id="auto-sync"
              title="Automatic sync"
              description="Sync items to Odoo as soon as Shopify reports them, without pressing Sync. Off until you turn it on."
            >
              <AutoSyncCard store={store} canManage={canManage} />
            </Layout.AnnotatedSection>
            <Layout.AnnotatedSection
              id="advanced"
              title="Advanced settings"
              description="Clear Synco Data, restore the mapping from an export, and the history of everything that has run on this store."
            >
              <Card>
                <BlockStack gap="300">
                  <Text as="p">
                    Remove every sync status and Shopify↔Odoo mapping Synco keeps for {store.shopDomain}, and see who
                    ran what on the store, and when.
                  </Text>
                  <InlineStack align="end">
                    <Button url={advancedSettingsPath(store.id)}>Open advanced settings</Button>
                  </InlineStack>
                </BlockStack>
              </Card>
            </Layout.AnnotatedSection>
            {canManage && disconnected && store.kind === "shopify" ? (
              <Layout.AnnotatedSection
                id="reconnect"
                title="Reconnect"
                description="Connect this store to Synco again. Its history is kept."
              >
                <ReconnectCard store={store} />
              </Layout.AnnotatedSection>
            ) : null}
            {canManage && !disconnected ? (
              <Layout.AnnotatedSection
                id="disconnect"
                title="Disconnect"
                description="Stop working with this store and remove its credentials."
              >
                <DisconnectCard store={store} />
              </Layout.AnnotatedSection>
            ) : null}
          </Layout>
        );
      }}
    </StorePage>
  );
}
