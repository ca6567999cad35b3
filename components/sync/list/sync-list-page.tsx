"use client";

import { StorePage } from "@/components/stores/store/store-page";
import type { StoreSection } from "@/components/stores/store/store-sections";
import { can } from "@/lib/organizations/permissions";
import type { ResourceType } from "@/lib/vocabulary/sync";
import { RESOURCES } from "../resource-types";
import { SyncList } from "./sync-list";

/** /stores/:id/products, /customers, /orders: the store's page with one list. */
export function SyncListPage({ storeId, type }: { storeId: string; type: ResourceType }) {
  return (
    <StorePage storeId={storeId} section={RESOURCES[type].segment as StoreSection}>
      {({ store, role }) => (
        <SyncList store={store} type={type} canExport={can(role, "sync.export")} canSync={can(role, "sync.odoo")} />
      )}
    </StorePage>
  );
}
