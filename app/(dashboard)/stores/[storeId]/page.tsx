import type { Metadata } from "next";
import { StoreView } from "@/components/stores/store/store-view";
import { requireSession } from "@/lib/auth/server-session";
import { SANDBOX_STORE_SIZES } from "@/lib/sandbox/shopify/provisioning";

export const metadata: Metadata = { title: "Store" };

type Props = { params: Promise<{ storeId: string }>; searchParams: Promise<{ connected?: string | string[] }> };

// The store may belong to any organization the user is in, not only the active one (decision 2):
// the API checks that membership, so the page only needs a session.
export default async function StorePage({ params, searchParams }: Props) {
  const [{ storeId }, { connected }] = await Promise.all([params, searchParams]);
  await requireSession(`/stores/${encodeURIComponent(storeId)}`);
  return <StoreView storeId={storeId} justConnected={connected === "shopify"} sizes={SANDBOX_STORE_SIZES} />;
}
