"use client";

import { Tabs } from "@shopify/polaris";
import styles from "@/components/shell/tabs.module.css";
import { RESOURCES } from "@/components/sync/resource-types";
import { RESOURCE_TYPES } from "@/lib/vocabulary/sync";

export type StoreSection = "overview" | "products" | "customers" | "orders" | "settings";

const SECTIONS: { id: StoreSection; label: string; path: string }[] = [
  { id: "overview", label: "Overview", path: "" },
  ...RESOURCE_TYPES.map((type) => ({
    id: RESOURCES[type].segment as StoreSection,
    label: RESOURCES[type].title,
    path: `/${RESOURCES[type].segment}`,
  })),
  { id: "settings", label: "Settings", path: "/settings" },
];

/** The store's pages as tabs under its title; each tab is a link, so they open in new tabs and go back. */
export function StoreSections({ storeId, current }: { storeId: string; current: StoreSection }) {
  const tabs = SECTIONS.map((section) => ({
    id: `store-section-${section.id}`,
    content: section.label,
    url: `/stores/${storeId}${section.path}`,
  }));
  return (
    <nav aria-label="Store sections" className={styles.fitOnPhones}>
      <Tabs tabs={tabs} selected={SECTIONS.findIndex((section) => section.id === current)} />
    </nav>
  );
}
