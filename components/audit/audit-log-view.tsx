"use client";

import { Banner, BlockStack, Button, Card, InlineGrid, Page, Select, TextField } from "@shopify/polaris";
import { ExportIcon } from "@shopify/polaris-icons";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ApiError } from "@/components/api/api-fetch";
import { auditExportUrl } from "@/components/api/audit";
import { queryKeys } from "@/components/api/organizations";
import { useStores } from "@/components/api/stores";
import { ErrorBanner } from "@/components/ui/error-banner";
import { AUDIT_ACTION_OPTIONS } from "./audit-action-options";
import { toApiFilters, useAuditFilterFields } from "./audit-filters";
import { AuditTable } from "./audit-table";

/** Everything done in the organization, on every store: filtered, a page at a time, and as CSV. */
export function AuditLogView({ canView, organizationName }: { canView: boolean; organizationName: string }) {
  if (!canView) {
    return (
      <Page title="Audit log" subtitle={organizationName}>
        <Banner tone="info" title="Only owners and admins can see the audit log">
          <p>Ask an owner or admin of {organizationName} if you need to know who did what.</p>
        </Banner>
      </Page>
    );
  }
  return <AuditLog organizationName={organizationName} />;
}

function AuditLog({ organizationName }: { organizationName: string }) {
  const { fields, change } = useAuditFilterFields();
  const filters = toApiFilters(fields);
  const stores = useStores();
  const exporting = useCsvDownload();
  // The person field applies when the user is done typing (Enter or leaving it), not per keystroke.
  const [actor, setActor] = useState(fields.actor);
  const [actorShown, setActorShown] = useState(fields.actor);
  if (actorShown !== fields.actor) {
    setActorShown(fields.actor);
    setActor(fields.actor);
  }
  const filtered = Object.values(fields).some(Boolean);

  return (
    <Page
      fullWidth
      title="Audit log"
      subtitle={`Everything done in ${organizationName}, on every store. Entries cannot be changed or deleted.`}
      primaryAction={
        <Button icon={ExportIcon} onClick={() => exporting.download(auditExportUrl(filters))} loading={exporting.busy}>
          {filtered ? "Export these entries (CSV)" : "Export all (CSV)"}
        </Button>
      }
    >
      <BlockStack gap="400">
        <ErrorBanner title="Could not export the audit log" error={exporting.error} />
        <Card>
          <form
            aria-label="Filter the audit log"
            onSubmit={(event) => {
              event.preventDefault();
              change({ actor });
            }}
          >
            <BlockStack gap="300">
              <InlineGrid columns={{ xs: 1, sm: 2, md: 3 }} gap="300">
                <Select
                  label="Store"
                  options={[
                    { label: "All stores", value: "" },
                    ...(stores.data ?? []).map((store) => ({
                      label: `${store.name} (${store.shopDomain})`,
                      value: store.id,
                    })),
                  ]}
                  value={fields.store}
                  onChange={(store) => change({ store })}
                />
                <Select
                  label="Action"
                  options={[{ label: "All actions", value: "" }, ...AUDIT_ACTION_OPTIONS]}
                  value={fields.action}
                  onChange={(action) => change({ action })}
                />
                <TextField
                  label="Person"
                  helpText="Part of an email address; press Enter to apply"
                  autoComplete="off"
                  value={actor}
                  onChange={setActor}
                  onBlur={() => actor.trim() !== fields.actor && change({ actor })}
                  clearButton
                  onClearButtonClick={() => change({ actor: "" })}
                />
                <TextField
                  label="From"
                  type="date"
                  autoComplete="off"
                  value={fields.from}
                  onChange={(from) => change({ from })}
                />
                <TextField
                  label="To"
                  type="date"
                  helpText="Inclusive"
                  autoComplete="off"
                  value={fields.to}
                  onChange={(to) => change({ to })}
                />
              </InlineGrid>
              {filtered ? (
                <div>
                  <Button
                    variant="plain"
                    onClick={() => change({ store: "", action: "", actor: "", from: "", to: "" })}
                  >
                    Clear filters
                  </Button>
                </div>
              ) : null}
            </BlockStack>
          </form>
        </Card>
        {/* A new filter starts again from the first page. */}
        <AuditTable key={JSON.stringify(filters)} filters={filters} />
      </BlockStack>
    </Page>
  );
}

/**
 * The CSV is fetched, then saved: a failure (a filter the server refuses, the session ended)
 * shows here instead of replacing the page, and the log reloads to show the export's own entry.
 */
function useCsvDownload() {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const download = async (url: string) => {
    setBusy(true);
    setError(null);
    try {
      const response = await fetch(url, { credentials: "same-origin" });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new ApiError(response.status, "export", body?.error?.message ?? `Export failed (${response.status})`);
      }
      const name = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1];
      const link = document.createElement("a");
      link.href = URL.createObjectURL(await response.blob());
      link.download = name ?? "synco-audit-log.csv";
      link.click();
      // Revoked once the browser has taken the file.
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      await queryClient.invalidateQueries({ queryKey: queryKeys.audit });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : "Could not reach Synco. Check your connection and try again.");
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, download: (url: string) => void download(url) };
}
