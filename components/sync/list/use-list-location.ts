"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useRef } from "react";
import type { SyncMirrorFilter, SyncTab } from "@/lib/vocabulary/sync";
import { isSyncTab } from "../resource-types";

type Location = { tab: SyncTab; mirror?: SyncMirrorFilter | null; q: string; page?: number; item?: string | null };

const pageFrom = (raw: string | null) => {
  const page = Number(raw);
  return Number.isSafeInteger(page) && page >= 1 && page <= 1_000_000 ? page : 1;
};

/**
 * Where the reader is in a list lives in the URL — tab, mirror filter, search, page and the item
 * open in the drawer (`?tab=failed&q=…&page=9&item=123`) — so reload, links and Back keep it.
 * A page or an opened item is a history step; a search replaces the entry (no step per keystroke).
 */
export function useListLocation() {
  const params = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();
  const rawTab = params.get("tab");
  const tab: SyncTab = isSyncTab(rawTab) ? rawTab : "all";
  const mirror: SyncMirrorFilter | null = params.get("mirror") === "failed" ? "failed" : null;
  const q = (params.get("q") ?? "").trim();
  const page = pageFrom(params.get("page"));
  const rawItem = params.get("item");
  const item = rawItem && /^\d{1,18}$/.test(rawItem) ? rawItem : null;
  // Whether this page opened the drawer itself: closing it then goes back rather than adding a step.
  const openedHere = useRef(false);
  useEffect(() => {
    if (!item) openedHere.current = false;
  }, [item]);

  const href = useCallback(
    (next: Location) => {
      const search = new URLSearchParams();
      if (next.tab !== "all") search.set("tab", next.tab);
      if (next.mirror) search.set("mirror", next.mirror);
      if (next.q) search.set("q", next.q);
      if (next.page && next.page > 1) search.set("page", String(next.page));
      if (next.item) search.set("item", next.item);
      const query = search.toString();
      return query ? `${pathname}?${query}` : pathname;
    },
    [pathname],
  );
  const search = useCallback(
    (value: string) => router.replace(href({ tab, mirror, q: value.trim() }), { scroll: false }),
    [router, href, tab, mirror],
  );
  const goToPage = useCallback(
    (next: number) => router.push(href({ tab, mirror, q, page: next }), { scroll: false }),
    [router, href, tab, mirror, q],
  );
  const openItem = useCallback(
    (shopifyId: string) => {
      openedHere.current = true;
      router.push(href({ tab, mirror, q, page, item: shopifyId }), { scroll: false });
    },
    [router, href, tab, mirror, q, page],
  );
  const closeItem = useCallback(() => {
    if (openedHere.current) {
      openedHere.current = false;
      router.back();
    } else router.replace(href({ tab, mirror, q, page }), { scroll: false });
  }, [router, href, tab, mirror, q, page]);
  return { tab, mirror, q, page, item, href, search, goToPage, openItem, closeItem };
}
