import "@shopify/polaris/build/esm/styles.css";
import "@/components/shell/polaris-phone.css";
import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";

export const metadata: Metadata = {
  title: { default: "Synco", template: "%s · Synco" },
  description: "See, sync and clear Shopify↔Odoo sync data for every store you run.",
  // The brand's mark, from public/ (favicon.ico is found there by its conventional address).
  icons: {
    icon: [
      { url: "/icon.svg", type: "image/svg+xml" },
      { url: "/favicon.ico", sizes: "32x32" },
    ],
    apple: "/apple-touch-icon.png",
  },
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Reading the request makes every page render per request, which is what lets Next.js put
  // the CSP nonce set by proxy.ts on its scripts (a prerendered page would have none).
  await headers();
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
