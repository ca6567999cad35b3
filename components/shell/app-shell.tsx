"use client";

import { Frame, TopBar } from "@shopify/polaris";
import { useCallback, useState, type ReactNode } from "react";
import { useMe, type Me } from "@/components/api/organizations";
import { can } from "@/lib/organizations/permissions";
import { AppNavigation } from "./app-navigation";
import { Brand } from "./brand";
import { OrganizationFromUrl } from "./organization-from-url";
import { OrganizationSwitcher } from "./organization-switcher";
import { PageOrganizationProvider, usePageOrganizationId } from "./page-organization";
import { SessionEnded } from "./session-ended";
import { ToastOutlet, ToastProvider } from "./toast";
import { UserMenu } from "./user-menu";

/** The signed-in frame: top bar (brand, organization switcher, user menu), navigation, toasts, and the way back when the session ends. */
export function AppShell({ initialMe, children }: { initialMe: Me; children: ReactNode }) {
  return (
    <PageOrganizationProvider>
      <Shell initialMe={initialMe}>{children}</Shell>
    </PageOrganizationProvider>
  );
}

function Shell({ initialMe, children }: { initialMe: Me; children: ReactNode }) {
  const { data: me = initialMe } = useMe(initialMe);
  // The frame names, and links into, the organization the page shows (a store's), else the session's.
  const shownId = usePageOrganizationId() ?? me.activeOrganizationId;
  const shownRole = me.organizations.find((org) => org.id === shownId)?.role ?? "member";
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
            contextControl={<Brand onDark organizationId={shownId} />}
            secondaryMenu={<OrganizationSwitcher me={me} shownId={shownId} />}
            userMenu={<UserMenu user={me.user} />}
          />
        }
        navigation={
          <AppNavigation
            onNavigate={closeNavigation}
            organizationId={shownId}
            showAudit={can(shownRole, "audit.view")}
          />
        }
        showMobileNavigation={mobileNavigation}
        onNavigationDismiss={closeNavigation}
      >
        <SessionEnded />
        <OrganizationFromUrl me={me}>{children}</OrganizationFromUrl>
        <ToastOutlet />
      </Frame>
    </ToastProvider>
  );
}
