"use client";

import { ActionList, Button, Popover } from "@shopify/polaris";
import { ExportIcon } from "@shopify/polaris-icons";
import { useState } from "react";
import { syncExportUrl, syncItemsExportUrl } from "@/components/api/sync";
import { EXPORT_FORMAT_LABEL, EXPORT_FORMATS, type ExportFormat } from "@/lib/vocabulary/sync";

const FORMAT_HELP: Record<ExportFormat, string> = { csv: "For spreadsheets", json: "For scripts and imports" };

/**
 * "Export": every item with its sync status as a spreadsheet people read, or the mapping as CSV
 * or JSON (what restoring and re-linking read) — admins. The file is a plain download of the export route: a
 * navigation, not a client-side link, which a router could fetch ahead of the click — and every
 * export is recorded in the activity log.
 */
export function ExportMenu({ storeId }: { storeId: string }) {
  const [open, setOpen] = useState(false);
  const download = (url: string) => {
    setOpen(false);
    window.location.assign(url);
  };
  return (
    <Popover
      active={open}
      onClose={() => setOpen(false)}
      activator={
        <Button icon={ExportIcon} disclosure onClick={() => setOpen((value) => !value)}>
          Export
        </Button>
      }
    >
      <ActionList
        actionRole="menuitem"
        sections={[
          {
            title: "Every product, customer and order",
            items: [
              {
                content: "Items and their sync status (CSV)",
                helpText: "Names, SKUs, emails, status, Odoo IDs, errors",
                onAction: () => download(syncItemsExportUrl(storeId)),
              },
            ],
          },
          {
            title: "The mapping, for restoring",
            items: EXPORT_FORMATS.map((format) => ({
              content: `Mapping (${EXPORT_FORMAT_LABEL[format]})`,
              helpText: FORMAT_HELP[format],
              onAction: () => download(syncExportUrl(storeId, format)),
            })),
          },
        ]}
      />
    </Popover>
  );
}
