"use client";

// Shapes of the API answers the UI reads, and the React Query hooks that load them. Everything
// under the active organization depends on the session, so switching organization (or user)
// invalidates the whole cache rather than guessing which keys changed.
import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TListAuditResponse } from "@/lib/audit/schemas";
import { apiFetch } from "./api-fetch";

import type { Role } from "@/lib/vocabulary/organizations";

export type { Role };

export type OrganizationSummary = { id: string; name: string; slug: string; role: Role };

export type Me = {
  user: { id: string; email: string; name: string };
  organizations: OrganizationSummary[];
  activeOrganizationId: string | null;
};

export type Member = { id: string; userId: string; name: string; email: string; role: Role; createdAt: string };

export type PendingInvitation = {
  id: string;
  email: string;
  role: Role;
  status: string;
  expiresAt: string;
  createdAt: string;
  inviterEmail: string;
  link: string;
};

export type OrganizationDetails = {
  organization: { id: string; name: string; slug: string; createdAt: string };
  role: Role;
  members: Member[];
  invitations: PendingInvitation[];
};

export const queryKeys = {
  me: ["me"] as const,
  organization: ["organization"] as const,
  invitation: (id: string) => ["invitation", id] as const,
  audit: ["organization", "audit"] as const,
};

export function useMe(initialData?: Me) {
  return useQuery({ queryKey: queryKeys.me, queryFn: () => apiFetch<Me>("/api/me"), initialData });
}

export function useOrganization() {
  return useQuery({
    queryKey: queryKeys.organization,
    queryFn: () => apiFetch<OrganizationDetails>("/api/organization"),
  });
}

/** Forgets every cached answer: used when the session's user or active organization changes. */
export function useResetSessionData() {
  const queryClient = useQueryClient();
  return () => queryClient.resetQueries();
}

/** The organization's audit log, newest first, one page at a time. */
export function useAuditLog(enabled: boolean) {
  return useInfiniteQuery({
    queryKey: queryKeys.audit,
    enabled,
    initialPageParam: null as number | null,
    queryFn: ({ pageParam }) =>
      apiFetch<TListAuditResponse>(`/api/organization/audit?limit=20${pageParam ? `&before=${pageParam}` : ""}`),
    getNextPageParam: (page) => page.nextBefore,
  });
}
