"use client";

import { Frame, TopBar } from "@shopify/polaris";
import { useCallback, useState, type ReactNode } from "react";
import { useMe, type Me } from "@/components/api/organizations";
import { can } from "@/lib/organizations/permissions";
import { AppNavigation } from "./app-navigation";
import { Brand } from "./brand";
import { OrganizationSwitcher } from "./organization-switcher";
import { SessionEnded } from "./session-ended";
import { ToastOutlet, ToastProvider } from "./toast";
import { UserMenu } from "./user-menu";

/** The signed-in frame: top bar (brand, organization switcher, user menu), navigation, toasts, and the way back when the session ends. */
export function AppShell({ initialMe, children }: { initialMe: Me; children: ReactNode }) {
  const { data: me = initialMe } = useMe(initialMe);
  const activeRole = me.organizations.find((org) => org.id === me.activeOrganizationId)?.role ?? "member";
  const [mobileNavigation, setMobileNavigation] = useState(false);
  const toggleNavigation = useCallback(() => setMobileNavigation((open) => !open), []);
  const closeNavigation = useCallback(() => setMobileNavigation(false), []);

  return (
    <ToastProvider>
      <Frame
        topBar={
          <TopBar
            showNavigationToggle
            onNavigationToggle={toggleNavigation}
            contextControl={<Brand onDark />}
            secondaryMenu={<OrganizationSwitcher me={me} />}
            userMenu={<UserMenu user={me.user} />}
          />
        }
        navigation={<AppNavigation onNavigate={closeNavigation} showAudit={can(activeRole, "audit.view")} />}
        showMobileNavigation={mobileNavigation}
        onNavigationDismiss={closeNavigation}
      >
        <SessionEnded />
        {children}
        <ToastOutlet />
      </Frame>
    </ToastProvider>
  );
}
