"use client";

import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { useMe, useSwitchOrganization } from "@/components/api/organizations";

// The organization a page is about, when the page knows better than the session: a store's pages
// are their store's organization whatever another tab has made the session's active one since.
// The top bar names it and every link of the frame leads into it (decision 77).
type Context = { organizationId: string | null; set: (organizationId: string | null) => void };

const PageOrganizationContext = createContext<Context>({ organizationId: null, set: () => {} });

export function PageOrganizationProvider({ children }: { children: ReactNode }) {
  const [organizationId, set] = useState<string | null>(null);
  return (
    <PageOrganizationContext.Provider value={{ organizationId, set }}>{children}</PageOrganizationContext.Provider>
  );
}

/** The organization the page shows, or null when it shows the session's active one. */
export const usePageOrganizationId = () => useContext(PageOrganizationContext).organizationId;

/**
 * Declares the page's organization while the calling component is mounted, and makes it the
 * session's active one when it is not (once per page and organization): opening a store is
 * working in its organization, and the next sign-in resumes there.
 */
export function useDeclarePageOrganization(organizationId: string | null) {
  const { set } = useContext(PageOrganizationContext);
  const { data: me } = useMe();
  const switchOrganization = useSwitchOrganization();
  const switched = useRef<string | null>(null);
  useEffect(() => {
    set(organizationId);
    return () => set(null);
  }, [organizationId, set]);
  const differs =
    organizationId !== null &&
    me !== undefined &&
    me.activeOrganizationId !== organizationId &&
    me.organizations.some((org) => org.id === organizationId);
  useEffect(() => {
    if (!differs || switched.current === organizationId) return;
    switched.current = organizationId;
    switchOrganization.mutate(organizationId!);
  }, [differs, organizationId, switchOrganization]);
}

/** `path` leading into `organizationId`: the frame switches the session to it on arrival (see OrganizationFromUrl). */
export function inOrganization(path: string, organizationId: string | null | undefined): string {
  if (!organizationId) return path;
  const [base, query = ""] = path.split("?");
  const params = new URLSearchParams(query);
  params.set("org", organizationId);
  return `${base}?${params}`;
}
