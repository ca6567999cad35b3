"use client";

import { Banner } from "@shopify/polaris";
import { useState } from "react";
import type { Store } from "@/components/api/stores";
import { ReplaceTokenModal } from "./replace-token-modal";

/** A token store Synco can no longer use: only the merchant's custom app can give a working token, so ask for one. */
export function TokenAttentionBanner({ store, canManage }: { store: Store; canManage: boolean }) {
  const [replacing, setReplacing] = useState(false);
  return (
    <Banner
      tone="warning"
      title="This store needs a new access token"
      action={canManage ? { content: "Replace access token", onAction: () => setReplacing(true) } : undefined}
    >
      <p>
        Synco connects to this store with the access token of a custom app, and that token no longer works or no longer
        covers everything Synco needs: it was revoked, or Synco now needs more access. Synco cannot read or write the
        store until{" "}
        {canManage
          ? "you add the missing access to the custom app in Shopify (or create a new app) and paste its access token here."
          : "an owner or admin pastes a new access token from the store's custom app."}
      </p>
      {canManage ? <ReplaceTokenModal store={store} open={replacing} onClose={() => setReplacing(false)} /> : null}
    </Banner>
  );
}
