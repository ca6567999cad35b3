import type { Metadata } from "next";
import { SyncListPage } from "@/components/sync/list/sync-list-page";
import { requireSession } from "@/lib/auth/server-session";

export const metadata: Metadata = { title: "Products" };

// The store's products with their sync status; tab and search live in the URL (?tab=&q=).
export default async function StoreProductsPage({ params }: { params: Promise<{ storeId: string }> }) {
  const { storeId } = await params;
  await requireSession(`/stores/${encodeURIComponent(storeId)}/products`);
  return <SyncListPage storeId={storeId} type="product" />;
}
