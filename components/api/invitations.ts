"use client";

// An invitation as its invitee sees it (types from lib/organizations/schemas.ts), and answering it.
import { useQuery } from "@tanstack/react-query";
import type { TAcceptInvitationResponse, TGetInvitationResponse, TOkResponse } from "@/lib/organizations/schemas";
import { ApiError, apiFetch, type Json } from "./api-fetch";
import { queryKeys } from "./organizations";
import { useApiMutation, type MutationOptions } from "./use-api-mutation";

export type Invitation = Json<TGetInvitationResponse>["invitation"];

const invitationPath = (id: string) => `/api/invitations/${encodeURIComponent(id)}`;

export function useInvitation(token: string) {
  return useQuery({
    queryKey: queryKeys.invitation(token),
    queryFn: () => apiFetch<TGetInvitationResponse>(invitationPath(token)),
    select: (data) => data.invitation,
    // A missing, answered or foreign invitation (4xx) will not change by asking again.
    retry: (count, err) => !(err instanceof ApiError && err.status < 500) && count < 2,
  });
}

/** Joins the organization: what the session may see changes, so every cached answer goes. */
export const useAcceptInvitation = (token: string, options?: MutationOptions<Json<TAcceptInvitationResponse>, void>) =>
  useApiMutation(
    () => apiFetch<TAcceptInvitationResponse>(`${invitationPath(token)}/accept`, { method: "POST" }),
    (queryClient) => queryClient.invalidateQueries(),
    options,
  );

export const useRejectInvitation = (token: string, options?: MutationOptions<Json<TOkResponse>, void>) =>
  useApiMutation(
    () => apiFetch<TOkResponse>(`${invitationPath(token)}/reject`, { method: "POST" }),
    (queryClient) => queryClient.invalidateQueries({ queryKey: queryKeys.invitation(token) }),
    options,
  );
