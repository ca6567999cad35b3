"use client";

import { Navigation } from "@shopify/polaris";
import { SettingsIcon, StoreIcon } from "@shopify/polaris-icons";
import { usePathname } from "next/navigation";
import { Brand } from "./brand";

// "Stores" is the home page; it stays selected on `/stores` and every store's pages.
export function AppNavigation({ onNavigate }: { onNavigate: () => void }) {
  const pathname = usePathname();
  const inStores = pathname === "/" || pathname === "/stores" || pathname.startsWith("/stores/");
  return (
    <Navigation location={pathname} contextControl={<Brand />}>
      <Navigation.Section
        items={[{ label: "Stores", url: "/", icon: StoreIcon, selected: inStores, onClick: onNavigate }]}
        fill
      />
      <Navigation.Section
        items={[{ label: "Organization settings", url: "/settings", icon: SettingsIcon, onClick: onNavigate }]}
      />
    </Navigation>
  );
}
