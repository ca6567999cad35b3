"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { apiFetch } from "@/components/api/api-fetch";

/** Makes another organization the active one and opens its home page. */
export function useSwitchOrganization() {
  const queryClient = useQueryClient();
  const router = useRouter();
  return useMutation({
    mutationFn: (organizationId: string) =>
      apiFetch("/api/organizations/active", { method: "PUT", body: { organizationId } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries();
      router.push("/");
      router.refresh();
    },
  });
}
