"use client";

import { Tabs } from "@shopify/polaris";
import { useEffect } from "react";
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

// Set by a click on a section tab, read once by the next section's tabs (one page at a time).
let movedBySectionTab = false;

/** The address of one section of a store. */
export const storeSectionPath = (storeId: string, section: StoreSection) =>
  `/stores/${storeId}${SECTIONS.find((entry) => entry.id === section)!.path}`;

/** What a browser tab is called on one section of a store: its section, then the store's name. */
export const storeSectionTitle = (storeName: string, section: StoreSection) =>
  section === "overview"
    ? `${storeName} · Synco`
    : `${SECTIONS.find((entry) => entry.id === section)!.label} · ${storeName} · Synco`;

/** The store's pages as tabs under its title; each tab is a link, so they open in new tabs and go back. */
export function StoreSections({ storeId, current }: { storeId: string; current: StoreSection }) {
  // A section is another page: the tab that was clicked is gone with the old one. Focus goes to
  // the new page's tab of that section rather than to the document's body (lost for keyboards).
  useEffect(() => {
    if (!movedBySectionTab) return;
    movedBySectionTab = false;
    // After the navigation has settled (the router may still move focus while committing).
    const timer = setTimeout(() => {
      if (document.activeElement === document.body || document.activeElement === null)
        document.getElementById(`store-section-${current}`)?.focus();
    }, 50);
    return () => clearTimeout(timer);
  }, [current]);
  const tabs = SECTIONS.map((section) => ({
    id: `store-section-${section.id}`,
    content: section.label,
    url: `/stores/${storeId}${section.path}`,
  }));
  return (
    <nav
      aria-label="Store sections"
      className={styles.fitOnPhones}
      onClickCapture={() => {
        movedBySectionTab = true;
      }}
    >
      <Tabs tabs={tabs} selected={SECTIONS.findIndex((section) => section.id === current)} />
    </nav>
  );
}
