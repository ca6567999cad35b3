"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback } from "react";
import type { SyncMirrorFilter, SyncTab } from "@/lib/vocabulary/sync";
import { isSyncTab } from "../resource-types";

type Location = { tab: SyncTab; mirror?: SyncMirrorFilter | null; q: string };

/**
 * The list's tab, mirror filter and search live in the URL (`?tab=failed&q=…`, `?mirror=failed`),
 * so reload, links and Back keep them.
 */
export function useListLocation() {
  const params = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();
  const rawTab = params.get("tab");
  const tab: SyncTab = isSyncTab(rawTab) ? rawTab : "all";
  const mirror: SyncMirrorFilter | null = params.get("mirror") === "failed" ? "failed" : null;
  const q = (params.get("q") ?? "").trim();

  const href = useCallback(
    (next: Location) => {
      const search = new URLSearchParams();
      if (next.tab !== "all") search.set("tab", next.tab);
      if (next.mirror) search.set("mirror", next.mirror);
      if (next.q) search.set("q", next.q);
      const query = search.toString();
      return query ? `${pathname}?${query}` : pathname;
    },
    [pathname],
  );
  /** A new search replaces the entry (no history step per keystroke). */
  const search = useCallback(
    (value: string) => router.replace(href({ tab, mirror, q: value.trim() }), { scroll: false }),
    [router, href, tab, mirror],
  );
  return { tab, mirror, q, href, search };
}
