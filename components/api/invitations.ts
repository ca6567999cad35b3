"use client";

// An invitation as its invitee sees it (types from lib/organizations/schemas.ts), and answering it.
import { useQuery } from "@tanstack/react-query";
import type { TAcceptInvitationResponse, TGetInvitationResponse, TOkResponse } from "@/lib/organizations/schemas";
import { ApiError, apiFetch, type Json } from "./api-fetch";
import { queryKeys } from "./organizations";
import { useApiMutation, type MutationOptions } from "./use-api-mutation";

export type Invitation = Json<TGetInvitationResponse>["invitation"];

const invitationPath = (id: string) => `/api/invitations/${encodeURIComponent(id)}`;

export function useInvitation(invitationId: string) {
  return useQuery({
    queryKey: queryKeys.invitation(invitationId),
    queryFn: () => apiFetch<TGetInvitationResponse>(invitationPath(invitationId)),
    select: (data) => data.invitation,
    // A missing, answered or foreign invitation (4xx) will not change by asking again.
    retry: (count, err) => !(err instanceof ApiError && err.status < 500) && count < 2,
  });
}

/** Joins the organization: what the session may see changes, so every cached answer goes. */
export const useAcceptInvitation = (
  invitationId: string,
  options?: MutationOptions<Json<TAcceptInvitationResponse>, void>,
) =>
  useApiMutation(
    () => apiFetch<TAcceptInvitationResponse>(`${invitationPath(invitationId)}/accept`, { method: "POST" }),
    (queryClient) => queryClient.invalidateQueries(),
    options,
  );

export const useRejectInvitation = (invitationId: string, options?: MutationOptions<Json<TOkResponse>, void>) =>
  useApiMutation(
    () => apiFetch<TOkResponse>(`${invitationPath(invitationId)}/reject`, { method: "POST" }),
    (queryClient) => queryClient.invalidateQueries({ queryKey: queryKeys.invitation(invitationId) }),
    options,
  );
