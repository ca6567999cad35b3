import type { Metadata } from "next";
import { SyncListPage } from "@/components/sync/list/sync-list-page";
import { requireSession } from "@/lib/auth/server-session";

export const metadata: Metadata = { title: "Customers" };

// The store's customers with their sync status; tab and search live in the URL (?tab=&q=).
export default async function StoreCustomersPage({ params }: { params: Promise<{ storeId: string }> }) {
  const { storeId } = await params;
  await requireSession(`/stores/${encodeURIComponent(storeId)}/customers`);
  return <SyncListPage storeId={storeId} type="customer" />;
}
