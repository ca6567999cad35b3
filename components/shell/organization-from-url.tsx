"use client";

import { SkeletonBodyText, SkeletonPage } from "@shopify/polaris";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, type ReactNode } from "react";
import { useSwitchOrganization, type Me } from "@/components/api/organizations";

/**
 * `?org=<id>` on any signed-in page: the link was made in that organization (a store page's
 * Back, Stores, Organization settings), so the session switches to it before the page loads its
 * data — whatever another tab did to the session meanwhile. The parameter then leaves the address.
 * An organization the user is not in is ignored: the page shows the active one.
 */
export function OrganizationFromUrl({ me, children }: { me: Me; children: ReactNode }) {
  const params = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();
  const wanted = params.get("org");
  const switchOrganization = useSwitchOrganization();
  const asked = useRef<string | null>(null);
  const needsSwitch =
    wanted !== null && wanted !== me.activeOrganizationId && me.organizations.some((org) => org.id === wanted);

  useEffect(() => {
    if (wanted === null) return;
    const rest = new URLSearchParams(params);
    rest.delete("org");
    const clean = rest.size > 0 ? `${pathname}?${rest}` : pathname;
    if (!needsSwitch) {
      router.replace(clean, { scroll: false });
      return;
    }
    if (asked.current === wanted) return;
    asked.current = wanted;
    switchOrganization.mutate(wanted, { onSettled: () => router.replace(clean, { scroll: false }) });
  }, [wanted, needsSwitch, params, pathname, router, switchOrganization]);

  if (needsSwitch) {
    return (
      <SkeletonPage>
        <SkeletonBodyText lines={6} />
      </SkeletonPage>
    );
  }
  return children;
}
