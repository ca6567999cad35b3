import type { Metadata } from "next";
import { SyncListPage } from "@/components/sync/list/sync-list-page";
import { requireSession } from "@/lib/auth/server-session";

export const metadata: Metadata = { title: "Orders" };

// The store's orders with their sync status; tab and search live in the URL (?tab=&q=).
export default async function StoreOrdersPage({ params }: { params: Promise<{ storeId: string }> }) {
  const { storeId } = await params;
  await requireSession(`/stores/${encodeURIComponent(storeId)}/orders`);
  return <SyncListPage storeId={storeId} type="order" />;
}
