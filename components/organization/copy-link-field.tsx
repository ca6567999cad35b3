"use client";

import { Button, TextField } from "@shopify/polaris";
import { ClipboardIcon } from "@shopify/polaris-icons";
import { useState } from "react";
import { useToast } from "@/components/shell/toast";

/** Copies `text`; a toast says whether it worked (clipboards can be blocked by the browser). */
export function useCopy() {
  const showToast = useToast();
  return async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      showToast("Link copied");
      return true;
    } catch {
      showToast("Could not copy: select the link and copy it", { error: true });
      return false;
    }
  };
}

/** A read-only field holding a link, with a Copy button beside it. */
export function CopyLinkField({ label, link, helpText }: { label: string; link: string; helpText?: string }) {
  const copy = useCopy();
  const [copied, setCopied] = useState(false);
  return (
    <TextField
      label={label}
      value={link}
      readOnly
      autoComplete="off"
      selectTextOnFocus
      helpText={helpText}
      connectedRight={
        <Button icon={ClipboardIcon} onClick={async () => setCopied(await copy(link))}>
          {copied ? "Copied" : "Copy link"}
        </Button>
      }
    />
  );
}
