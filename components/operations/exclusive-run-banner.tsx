"use client";

import { Banner } from "@shopify/polaris";
import type { OperationRun } from "@/components/api/operations";
import { OPERATION_KIND_TITLE } from "@/lib/vocabulary/operations";
import { currentFigure } from "./operation-words";

/**
 * A clear (or a sync) under way, on the store's other pages: they say so, and lead to the page that
 * follows it. What the lists show may change under the reader's eyes until it ends.
 */
export function ExclusiveRunBanner({ run, href }: { run: OperationRun; href: string }) {
  const figure = run.status === "running" ? currentFigure(run) : null;
  const title = `${OPERATION_KIND_TITLE[run.kind].active}${run.status === "queued" ? " (waiting to start)" : ""}`;
  return (
    <div data-testid="exclusive-run-banner" data-kind={run.kind}>
      <Banner tone="warning" title={title} action={{ content: "View progress", url: href }}>
        <p>
          {run.kind === "clear"
            ? "Syncing is paused while Synco deletes this store's sync status and mappings. Items show as Not synced as they are cleared."
            : "Other work on this store waits until it ends."}
          {figure ? ` ${figure}.` : ""}
        </p>
      </Banner>
    </div>
  );
}
