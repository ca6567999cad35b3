"use client";

import { Navigation } from "@shopify/polaris";
import { ClipboardChecklistIcon, SettingsIcon, StoreIcon } from "@shopify/polaris-icons";
import { usePathname } from "next/navigation";
import { Brand } from "./brand";
import { inOrganization } from "./page-organization";

type Props = { onNavigate: () => void; organizationId: string | null; showAudit: boolean };

// "Stores" is the home page; it stays selected on `/stores` and every store's pages. The audit log
// is listed for those who may read it (owners and admins of the organization shown). Every link
// leads into the organization the page shows, even if another tab has switched the session since.
export function AppNavigation({ onNavigate, organizationId, showAudit }: Props) {
  const pathname = usePathname();
  const inStores = pathname === "/" || pathname === "/stores" || pathname.startsWith("/stores/");
  const url = (path: string) => inOrganization(path, organizationId);
  return (
    <Navigation location={pathname} contextControl={<Brand organizationId={organizationId} />}>
      <Navigation.Section
        items={[{ label: "Stores", url: url("/"), icon: StoreIcon, selected: inStores, onClick: onNavigate }]}
        fill
      />
      <Navigation.Section
        items={[
          ...(showAudit
            ? [
                {
                  label: "Audit log",
                  url: url("/audit"),
                  icon: ClipboardChecklistIcon,
                  selected: pathname === "/audit",
                  onClick: onNavigate,
                },
              ]
            : []),
          {
            label: "Organization settings",
            url: url("/settings"),
            icon: SettingsIcon,
            selected: pathname === "/settings",
            onClick: onNavigate,
          },
        ]}
      />
    </Navigation>
  );
}
