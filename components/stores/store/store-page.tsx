"use client";

import {
  Badge,
  Banner,
  BlockStack,
  Card,
  InlineStack,
  Page,
  SkeletonBodyText,
  SkeletonPage,
  SkeletonTabs,
} from "@shopify/polaris";
import { useEffect, type ReactNode } from "react";
import { ApiError } from "@/components/api/api-fetch";
import { useMe } from "@/components/api/organizations";
import { useStore, useStores, type Store } from "@/components/api/stores";
import { can } from "@/lib/organizations/permissions";
import type { Role } from "@/lib/vocabulary/organizations";
import { ActiveOperations } from "@/components/operations/active-operations";
import { inOrganization, useDeclarePageOrganization } from "@/components/shell/page-organization";
import { StoreKindBadge, StoreStateBadge } from "../store-badges";
import { StoreNotices } from "./store-notices";
import { StoreSections, storeSectionPath, storeSectionTitle, type StoreSection } from "./store-sections";

export type StoreContext = { store: Store; canManage: boolean; role: Role };

export const advancedSettingsPath = (storeId: string) => `/stores/${encodeURIComponent(storeId)}/settings/advanced`;

type Props = {
  storeId: string;
  section: StoreSection;
  justConnected?: boolean;
  /** This page follows the store's clear or sync itself (Advanced settings); the others show a banner leading to it. */
  followsExclusiveRuns?: boolean;
  children: (context: StoreContext) => ReactNode;
};

/** What every page of a store shares: its header (name, kind, state), the section tabs, the notices and the runs under way. */
export function StorePage({ storeId, section, justConnected = false, followsExclusiveRuns = false, children }: Props) {
  const { data: me } = useMe();
  const { data: store, error, isPending } = useStore(storeId);
  useDeclarePageOrganization(store?.organizationId ?? null);
  // The session's organization's stores: the store's own once the page has switched to it.
  const { data: stores = [] } = useStores();
  const siblings =
    store && me?.activeOrganizationId === store.organizationId ? stores.filter((other) => other.id !== store.id) : [];
  // Several tabs of several stores read apart: "Orders · Maya Goods · Synco".
  useEffect(() => {
    if (store) document.title = storeSectionTitle(store.name, section);
  }, [store, section]);
  if (isPending) {
    return (
      <SkeletonPage backAction>
        <BlockStack gap="400">
          <SkeletonTabs count={5} />
          <Card>
            <SkeletonBodyText lines={6} />
          </Card>
        </BlockStack>
      </SkeletonPage>
    );
  }
  if (error) {
    const missing = error instanceof ApiError && error.status === 404;
    return (
      <Page title={missing ? "Store not found" : "Store"} backAction={{ content: "Stores", url: "/" }}>
        <Banner
          tone={missing ? "warning" : "critical"}
          title={missing ? "This store is not available" : "Could not load the store"}
        >
          <p>
            {missing ? "It does not exist, or it belongs to an organization you are not a member of." : error.message}
          </p>
        </Banner>
      </Page>
    );
  }

  const role = me?.organizations.find((org) => org.id === store.organizationId)?.role ?? "member";
  const canManage = can(role, "store.manage");
  return (
    <Page
      title={store.name}
      titleMetadata={
        <InlineStack gap="200">
          <StoreKindBadge kind={store.kind} />
          <StoreStateBadge store={store} />
          {store.syncPaused ? <Badge tone="warning">Sync paused</Badge> : null}
        </InlineStack>
      }
      subtitle={store.shopDomain}
      backAction={{ content: "Stores", url: inOrganization("/", store.organizationId) }}
      actionGroups={
        siblings.length > 0
          ? [
              {
                title: "Switch store",
                actions: siblings.map((other) => ({
                  content: other.name,
                  helpText: other.shopDomain,
                  url: storeSectionPath(other.id, section),
                })),
              },
            ]
          : undefined
      }
    >
      <BlockStack gap="400">
        <StoreSections storeId={store.id} current={section} />
        <StoreNotices store={store} justConnected={justConnected} canManage={canManage} />
        <ActiveOperations
          storeId={store.id}
          canManage={can(role, "operations.control")}
          exclusiveRunHref={followsExclusiveRuns ? null : advancedSettingsPath(store.id)}
        />
        {children({ store, canManage, role })}
      </BlockStack>
    </Page>
  );
}
