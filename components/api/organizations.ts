"use client";

// The active organization as the API describes it (types from lib/organizations/schemas.ts), the
// React Query hooks that load it and the mutations that change it. Everything under the active
// organization depends on the session, so switching organization (or user) invalidates the whole
// cache rather than guessing which keys changed.
import { useInfiniteQuery, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import type { TListAuditResponse } from "@/lib/audit/schemas";
import type {
  TChangeMemberRoleResponse,
  TCreateOrganizationResponse,
  TInviteMemberRequest,
  TInviteMemberResponse,
  TLeaveOrganizationResponse,
  TMe,
  TMember,
  TOkResponse,
  TOrganizationDetails,
  TOrganizationSummary,
  TPendingInvitation,
  TRenameOrganizationResponse,
  TSwitchOrganizationResponse,
} from "@/lib/organizations/schemas";
import type { Role } from "@/lib/vocabulary/organizations";
import { apiFetch, type Json } from "./api-fetch";
import { useApiMutation, type MutationOptions } from "./use-api-mutation";

export type Me = Json<TMe>;
export type OrganizationSummary = Json<TOrganizationSummary>;
export type OrganizationDetails = Json<TOrganizationDetails>;
export type Member = Json<TMember>;
export type PendingInvitation = Json<TPendingInvitation>;

export const queryKeys = {
  me: ["me"] as const,
  organization: ["organization"] as const,
  invitation: (id: string) => ["invitation", id] as const,
  audit: ["organization", "audit"] as const,
};

export function useMe(initialData?: Me) {
  return useQuery({ queryKey: queryKeys.me, queryFn: () => apiFetch<TMe>("/api/me"), initialData });
}

export function useOrganization() {
  return useQuery({
    queryKey: queryKeys.organization,
    queryFn: () => apiFetch<TOrganizationDetails>("/api/organization"),
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

// A change inside the organization: it and the user's list of organizations (names, roles) load again.
const refreshOrganization = (queryClient: QueryClient) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.organization }),
    queryClient.invalidateQueries({ queryKey: queryKeys.me }),
  ]);

// A change of the session's organization: nothing cached may outlive it.
const refreshEverything = (queryClient: QueryClient) => queryClient.invalidateQueries();

type Options<R, V = void> = MutationOptions<Json<R>, V>;

/** POST /api/organizations — the creator becomes its owner and the session's organization moves to it. */
export const useCreateOrganization = (options?: Options<TCreateOrganizationResponse, { name: string }>) =>
  useApiMutation(
    (body: { name: string }) => apiFetch<TCreateOrganizationResponse>("/api/organizations", { method: "POST", body }),
    refreshEverything,
    options,
  );

export const useSwitchOrganization = (options?: Options<TSwitchOrganizationResponse, string>) =>
  useApiMutation(
    (organizationId: string) =>
      apiFetch<TSwitchOrganizationResponse>("/api/organizations/active", { method: "PUT", body: { organizationId } }),
    refreshEverything,
    options,
  );

export const useRenameOrganization = (options?: Options<TRenameOrganizationResponse, string>) =>
  useApiMutation(
    (name: string) => apiFetch<TRenameOrganizationResponse>("/api/organization", { method: "PATCH", body: { name } }),
    refreshOrganization,
    options,
  );

export const useInviteMember = (options?: Options<TInviteMemberResponse, TInviteMemberRequest>) =>
  useApiMutation(
    (body: TInviteMemberRequest) =>
      apiFetch<TInviteMemberResponse>("/api/organization/invitations", { method: "POST", body }),
    refreshOrganization,
    options,
  );

export const useCancelInvitation = (options?: Options<TOkResponse, PendingInvitation>) =>
  useApiMutation(
    (invitation: PendingInvitation) =>
      apiFetch<TOkResponse>(`/api/organization/invitations/${encodeURIComponent(invitation.id)}`, {
        method: "DELETE",
      }),
    refreshOrganization,
    options,
  );

export const useChangeMemberRole = (options?: Options<TChangeMemberRoleResponse, { member: Member; role: Role }>) =>
  useApiMutation(
    ({ member, role }: { member: Member; role: Role }) =>
      apiFetch<TChangeMemberRoleResponse>(`/api/organization/members/${encodeURIComponent(member.id)}`, {
        method: "PATCH",
        body: { role },
      }),
    refreshOrganization,
    options,
  );

export const useRemoveMember = (options?: Options<TOkResponse, Member>) =>
  useApiMutation(
    (member: Member) =>
      apiFetch<TOkResponse>(`/api/organization/members/${encodeURIComponent(member.id)}`, { method: "DELETE" }),
    refreshOrganization,
    options,
  );

export const useLeaveOrganization = (options?: Options<TLeaveOrganizationResponse>) =>
  useApiMutation(
    () => apiFetch<TLeaveOrganizationResponse>("/api/organization/leave", { method: "POST" }),
    refreshEverything,
    options,
  );
