"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback } from "react";
import type { SyncTab } from "@/components/api/sync";
import { isSyncTab } from "../resource-types";

/** The list's tab and search live in the URL (`?tab=failed&q=…`), so reload, links and Back keep them. */
export function useListLocation() {
  const params = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();
  const rawTab = params.get("tab");
  const tab: SyncTab = isSyncTab(rawTab) ? rawTab : "all";
  const q = (params.get("q") ?? "").trim();

  const href = useCallback((next: { tab: SyncTab; q: string }) => {
    const search = new URLSearchParams();
    if (next.tab !== "all") search.set("tab", next.tab);
    if (next.q) search.set("q", next.q);
    const query = search.toString();
    return query ? `${pathname}?${query}` : pathname;
  }, [pathname]);
  /** A new search replaces the entry (no history step per keystroke). */
  const search = useCallback((value: string) => router.replace(href({ tab, q: value.trim() }), { scroll: false }), [router, href, tab]);
  return { tab, q, href, search };
}
