"use client";

import { ActionList, Button, Popover } from "@shopify/polaris";
import { ExportIcon } from "@shopify/polaris-icons";
import { useState } from "react";
import { syncExportUrl } from "@/components/api/sync";
import { EXPORT_FORMAT_LABEL, EXPORT_FORMATS, type ExportFormat } from "@/lib/vocabulary/sync";

const FORMAT_HELP: Record<ExportFormat, string> = { csv: "For spreadsheets", json: "For scripts and imports" };

/**
 * "Export mapping" as CSV or JSON (admins). The file is a plain download of the export route: a
 * navigation, not a client-side link, which a router could fetch ahead of the click — and every
 * export is recorded in the activity log.
 */
export function ExportMenu({ storeId }: { storeId: string }) {
  const [open, setOpen] = useState(false);
  const download = (format: ExportFormat) => {
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
              ...EXPORT_FORMATS.map((format) => ({
                content: `${EXPORT_FORMAT_LABEL[format]} file`,
                helpText: FORMAT_HELP[format],
                onAction: () => download(format),
              })),
            ],
          },
        ]}
      />
    </Popover>
  );
}
