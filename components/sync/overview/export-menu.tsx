"use client";

import { ActionList, Button, Popover } from "@shopify/polaris";
import { ExportIcon } from "@shopify/polaris-icons";
import { useState } from "react";
import { syncExportUrl } from "@/components/api/sync";

/**
 * "Export mapping" as CSV or JSON (admins). The file is a plain download of the export route: a
 * navigation, not a client-side link, which a router could fetch ahead of the click — and every
 * export is recorded in the activity log.
 */
export function ExportMenu({ storeId }: { storeId: string }) {
  const [open, setOpen] = useState(false);
  const download = (format: "csv" | "json") => {
    setOpen(false);
    window.location.assign(syncExportUrl(storeId, format));
  };
  return (
    <Popover
      active={open}
      onClose={() => setOpen(false)}
      activator={
        <Button icon={ExportIcon} disclosure onClick={() => setOpen((value) => !value)}>
          Export mapping
        </Button>
      }
    >
      <ActionList
        actionRole="menuitem"
        sections={[
          {
            title: "Every product, customer and order mapping",
            items: [
              { content: "CSV file", helpText: "For spreadsheets", onAction: () => download("csv") },
              { content: "JSON file", helpText: "For scripts and imports", onAction: () => download("json") },
            ],
          },
        ]}
      />
    </Popover>
  );
}
