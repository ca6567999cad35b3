"use client";

// The audit page's filters live in its address (`?store=…&action=…&actor=…&from=2026-05-01&to=…`),
// so reload, links and Back keep them. Dates are the user's calendar days; the API gets instants.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import type { AuditFilters } from "@/components/api/audit";

export type AuditFilterFields = { store: string; action: string; actor: string; from: string; to: string };

const FIELDS = ["store", "action", "actor", "from", "to"] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function useAuditFilterFields() {
  const params = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();
  const fields = Object.fromEntries(FIELDS.map((name) => [name, (params.get(name) ?? "").trim()])) as AuditFilterFields;
  const change = (next: Partial<AuditFilterFields>) => {
    const search = new URLSearchParams();
    for (const name of FIELDS) {
      const value = (next[name] ?? fields[name]).trim();
      if (value) search.set(name, value);
    }
    const query = search.toString();
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  };
  return { fields, change };
}

/** What the API is asked: the start of the first day, the start of the day after the last (local time). */
export function toApiFilters(fields: AuditFilterFields): AuditFilters {
  return {
    storeId: fields.store || undefined,
    action: fields.action || undefined,
    actor: fields.actor || undefined,
    from: DAY.test(fields.from) ? startOfDay(fields.from, 0) : undefined,
    to: DAY.test(fields.to) ? startOfDay(fields.to, 1) : undefined,
  };
}

function startOfDay(day: string, plusDays: number): string | undefined {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const instant = new Date(year, month - 1, date + plusDays);
  return Number.isNaN(instant.getTime()) ? undefined : instant.toISOString();
}
