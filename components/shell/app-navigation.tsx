"use client";

import { Navigation } from "@shopify/polaris";
import { HomeIcon, SettingsIcon } from "@shopify/polaris-icons";
import { usePathname } from "next/navigation";
import { Brand } from "./brand";

export function AppNavigation({ onNavigate }: { onNavigate: () => void }) {
  const pathname = usePathname();
  return (
    <Navigation location={pathname} contextControl={<Brand />}>
      <Navigation.Section items={[{ label: "Home", url: "/", icon: HomeIcon, exactMatch: true, onClick: onNavigate }]} fill />
      <Navigation.Section
        items={[{ label: "Organization settings", url: "/settings", icon: SettingsIcon, onClick: onNavigate }]}
      />
    </Navigation>
  );
}
