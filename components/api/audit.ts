"use client";

// The organization's audit log page: one filtered page at a time, and the address of its CSV.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { TAuditEntry, TListAuditResponse } from "@/lib/audit/schemas";
import { apiFetch, type Json } from "./api-fetch";
import { queryKeys } from "./organizations";

export type AuditEntry = Json<TAuditEntry>;

/** The filters as the page keeps them (in its address): a store id, an action or group, part of an email, instants. */
export type AuditFilters = { storeId?: string; action?: string; actor?: string; from?: string; to?: string };

export const AUDIT_PAGE_SIZE = 25;

function filterQuery(filters: AuditFilters): URLSearchParams {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) search.set(name, value);
  return search;
}

/** One page of the filtered log, newest first; `before` is the last id of the page before. */
export function useAuditEntries(filters: AuditFilters, before: number | null) {
  return useQuery({
    // Under the activity card's key: a change that invalidates one invalidates both.
    queryKey: [...queryKeys.audit, "page", filters, before],
    queryFn: () => {
      const search = filterQuery(filters);
      search.set("limit", String(AUDIT_PAGE_SIZE));
      if (before) search.set("before", String(before));
      return apiFetch<TListAuditResponse>(`/api/organization/audit?${search}`);
    },
    placeholderData: keepPreviousData,
  });
}

/** The CSV of the filtered log: a plain download (a navigation, which the route checks is same-site). */
export function auditExportUrl(filters: AuditFilters): string {
  const query = filterQuery(filters).toString();
  return `/api/organization/audit/export${query ? `?${query}` : ""}`;
}
