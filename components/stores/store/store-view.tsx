"use client";

import { Banner, Card, InlineStack, Layout, Page, SkeletonBodyText, SkeletonPage } from "@shopify/polaris";
import { ApiError } from "@/components/api/api-fetch";
import { useMe } from "@/components/api/queries";
import { useStore, type SandboxSizes } from "@/components/api/stores";
import { StoreKindBadge, StoreStateBadge } from "../store-badges";
import { ConnectionCard } from "./connection-card";
import { DisconnectCard } from "./disconnect-card";
import { ReconnectCard } from "./reconnect-card";
import { SettingsCard } from "./settings-card";
import { StoreNotices } from "./store-notices";

type Props = { storeId: string; justConnected: boolean; sizes: SandboxSizes };

// One page per store, in sections; later features (sync overview, advanced settings) add theirs here.
export function StoreView({ storeId, justConnected, sizes }: Props) {
  const { data: me } = useMe();
  const { data: store, error, isPending } = useStore(storeId);
  if (isPending) {
    return (
      <SkeletonPage backAction>
        <Card>
          <SkeletonBodyText lines={6} />
        </Card>
      </SkeletonPage>
    );
  }
  if (error) {
    const missing = error instanceof ApiError && error.status === 404;
    return (
      <Page title={missing ? "Store not found" : "Store"} backAction={{ content: "Stores", url: "/" }}>
        <Banner tone={missing ? "warning" : "critical"} title={missing ? "This store is not available" : "Could not load the store"}>
          <p>{missing ? "It does not exist, or it belongs to an organization you are not a member of." : error.message}</p>
        </Banner>
      </Page>
    );
  }

  const role = me?.organizations.find((org) => org.id === store.organizationId)?.role ?? "member";
  const canManage = role !== "member";
  const disconnected = store.status === "disconnected";
  return (
    <Page
      title={store.name}
      titleMetadata={
        <InlineStack gap="200">
          <StoreKindBadge kind={store.kind} />
          <StoreStateBadge store={store} />
        </InlineStack>
      }
      subtitle={store.shopDomain}
      backAction={{ content: "Stores", url: "/" }}
    >
      <Layout>
        <StoreNotices store={store} sizes={sizes} justConnected={justConnected} canManage={canManage} />
        <Layout.AnnotatedSection id="connection" title="Connection" description="How Synco reaches this store in Shopify.">
          <ConnectionCard store={store} sizes={sizes} canManage={canManage} />
        </Layout.AnnotatedSection>
        <Layout.AnnotatedSection id="settings" title="Settings" description="How the store is named in Synco, and where Synco keeps its data in Shopify.">
          <SettingsCard key={`${store.name}\n${store.metafieldNamespace}`} store={store} canManage={canManage} />
        </Layout.AnnotatedSection>
        {canManage && disconnected && store.kind === "shopify" ? (
          <Layout.AnnotatedSection id="reconnect" title="Reconnect" description="Connect this store to Synco again. Its history is kept.">
            <ReconnectCard store={store} />
          </Layout.AnnotatedSection>
        ) : null}
        {canManage && !disconnected ? (
          <Layout.AnnotatedSection id="disconnect" title="Disconnect" description="Stop working with this store and remove its credentials.">
            <DisconnectCard store={store} />
          </Layout.AnnotatedSection>
        ) : null}
      </Layout>
    </Page>
  );
}
