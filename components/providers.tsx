"use client";

import { AppProvider } from "@shopify/polaris";
import en from "@shopify/polaris/locales/en.json";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import Link from "next/link";
import { forwardRef, useState, type AnchorHTMLAttributes, type ReactNode } from "react";
import { ApiError } from "@/components/api/api-fetch";

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { url: string; external?: boolean };

// Polaris renders links through this, so navigation stays client-side.
const PolarisLink = forwardRef<HTMLAnchorElement, LinkProps>(function PolarisLink(
  { url, external, children, ...rest },
  ref,
) {
  if (external) {
    return (
      <a href={url} ref={ref} target="_blank" rel="noopener noreferrer" {...rest}>
        {children}
      </a>
    );
  }
  return (
    <Link href={url} ref={ref} {...rest}>
      {children}
    </Link>
  );
});

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        // An ended session (401) does not come back by asking again: the shell sends the user to sign in at once.
        defaultOptions: {
          queries: {
            staleTime: 10_000,
            retry: (failures, error) => failures < 1 && !(error instanceof ApiError && error.status === 401),
            refetchOnWindowFocus: true,
          },
        },
      }),
  );
  return (
    <AppProvider i18n={en} linkComponent={PolarisLink}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </AppProvider>
  );
}
