"use client";

import { Banner } from "@shopify/polaris";

/** A failure said plainly, or nothing when there is none: what could not be done (title) and why. */
export function ErrorBanner({
  title,
  error,
  onDismiss,
}: {
  title?: string;
  error: { message: string } | string | null | undefined;
  onDismiss?: () => void;
}) {
  if (!error) return null;
  return (
    <Banner tone="critical" title={title} onDismiss={onDismiss}>
      <p>{typeof error === "string" ? error : error.message}</p>
    </Banner>
  );
}
