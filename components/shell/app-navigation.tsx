"use client";

import { Navigation } from "@shopify/polaris";
import { ClipboardChecklistIcon, SettingsIcon, StoreIcon } from "@shopify/polaris-icons";
import { usePathname } from "next/navigation";
import { Brand } from "./brand";

// "Stores" is the home page; it stays selected on `/stores` and every store's pages. The audit log
// is listed for those who may read it (owners and admins of the active organization).
export function AppNavigation({ onNavigate, showAudit }: { onNavigate: () => void; showAudit: boolean }) {
  const pathname = usePathname();
  const inStores = pathname === "/" || pathname === "/stores" || pathname.startsWith("/stores/");
  return (
    <Navigation location={pathname} contextControl={<Brand />}>
      <Navigation.Section
        items={[{ label: "Stores", url: "/", icon: StoreIcon, selected: inStores, onClick: onNavigate }]}
        fill
      />
      <Navigation.Section
        items={[
          ...(showAudit
            ? [{ label: "Audit log", url: "/audit", icon: ClipboardChecklistIcon, onClick: onNavigate }]
            : []),
          { label: "Organization settings", url: "/settings", icon: SettingsIcon, onClick: onNavigate },
        ]}
      />
    </Navigation>
  );
}
