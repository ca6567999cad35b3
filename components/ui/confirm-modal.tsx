"use client";

import { BlockStack, Modal, TextField } from "@shopify/polaris";
import { useState, type ReactNode } from "react";
import { confirmationMatches } from "./confirmation-matches";
import { ErrorBanner } from "./error-banner";

type Props = {
  open: boolean;
  title: string;
  /** The primary button: what happens, e.g. "Disconnect store". */
  confirmLabel: string;
  /** Irreversible or costly: the button is red. */
  destructive?: boolean;
  /** The action is under way: the button spins and cannot be pressed twice. */
  loading?: boolean;
  /** Why the last attempt failed, shown inside the dialog, which stays open to try again. */
  error?: { message: string } | string | null;
  errorTitle?: string;
  /**
   * The button stays disabled until this exact text is typed (e.g. the shop domain before a
   * clear): a confirmation that cannot be given by reflex.
   */
  confirmText?: { value: string; label: string; helpText?: string };
  /** Not ready to confirm yet (a preview loading, nothing chosen), besides the typed text. */
  disabled?: boolean;
  /** A long explanation (a preview, choices) gets the large dialog. */
  size?: "small" | "large";
  /** Receives the typed confirmation, when there is one (so the server checks what the user typed). */
  onConfirm: (typed: string) => void;
  /** Cancel, Escape or the close button. */
  onClose: () => void;
  children: ReactNode;
};

/** The one confirmation dialog: what will happen (children), the error inside, Cancel and the action. */
export function ConfirmModal({
  open,
  title,
  confirmLabel,
  destructive = false,
  loading = false,
  error,
  errorTitle,
  confirmText,
  disabled = false,
  size,
  onConfirm,
  onClose,
  children,
}: Props) {
  const [typed, setTyped] = useState("");
  // What was typed is forgotten when the dialog closes, however it closes.
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (!open) setTyped("");
  }
  const confirmed = !disabled && (!confirmText || confirmationMatches(typed, confirmText.value));
  const confirm = () => {
    if (confirmed && !loading) onConfirm(typed.trim());
  };
  return (
    <Modal
      open={open}
      onClose={onClose}
      title={title}
      size={size}
      primaryAction={{
        content: confirmLabel,
        destructive,
        loading,
        disabled: !confirmed,
        onAction: confirm,
      }}
      secondaryActions={[{ content: "Cancel", onAction: onClose }]}
    >
      <Modal.Section>
        <BlockStack gap="300">
          <ErrorBanner title={errorTitle} error={error} />
          {children}
          {confirmText ? (
            // Enter in the field confirms, once the text matches: the whole flow works from the keyboard.
            <div
              onKeyDown={(event) => {
                if (event.key === "Enter" && !event.nativeEvent.isComposing) {
                  event.preventDefault();
                  confirm();
                }
              }}
            >
              <TextField
                label={confirmText.label}
                helpText={confirmText.helpText}
                value={typed}
                onChange={setTyped}
                autoComplete="off"
                spellCheck={false}
                disabled={loading}
              />
            </div>
          ) : null}
        </BlockStack>
      </Modal.Section>
    </Modal>
  );
}
