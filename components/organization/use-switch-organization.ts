"use client";

import { useRouter } from "next/navigation";
import { useSwitchOrganization as useSwitchOrganizationCall } from "@/components/api/organizations";

/** Makes another organization the active one and opens its home page. */
export function useSwitchOrganization() {
  const router = useRouter();
  return useSwitchOrganizationCall({
    onSuccess: () => {
      router.push("/");
      router.refresh();
    },
  });
}
