"use client";

import { Icon } from "@shopify/polaris";
import { XSmallIcon } from "@shopify/polaris-icons";
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import styles from "./toast.module.css";

type ToastMessage = { id: number; content: string; error?: boolean };
type ShowToast = (content: string, options?: { error?: boolean }) => void;
type ToastState = { toast: ToastMessage | null; show: ShowToast; dismiss: () => void };

/** How long a toast stays (Polaris's own default), counted only while the pointer and focus are elsewhere. */
export const TOAST_DURATION_MS = 5_000;

const ToastContext = createContext<ToastState>({ toast: null, show: () => {}, dismiss: () => {} });

/** Short confirmations ("Role updated"); one at a time, newest wins. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const show = useCallback<ShowToast>(
    (content, options) => setToast({ id: Date.now(), content, error: options?.error }),
    [],
  );
  const value = useMemo(() => ({ toast, show, dismiss: () => setToast(null) }), [toast, show]);
  return <ToastContext.Provider value={value}>{children}</ToastContext.Provider>;
}

/**
 * Our own toast rather than Polaris's, whose close button is an icon with no accessible name
 * (decision 98). The live region is always in the page, so a screen reader hears each message
 * as it arrives; Escape or the named close button dismisses it.
 */
export function ToastOutlet() {
  const { toast, dismiss } = useContext(ToastContext);
  return (
    <div className={styles.region} role="status" aria-live="polite" data-testid="toasts">
      {toast ? <ToastView key={toast.id} toast={toast} onDismiss={dismiss} /> : null}
    </div>
  );
}

function ToastView({ toast, onDismiss }: { toast: ToastMessage; onDismiss: () => void }) {
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (held) return;
    const timer = setTimeout(onDismiss, TOAST_DURATION_MS);
    return () => clearTimeout(timer);
  }, [held, onDismiss]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") onDismiss();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [onDismiss]);

  return (
    <div
      className={`${styles.toast} ${toast.error ? styles.error : ""}`}
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      <span>{toast.content}</span>
      <button type="button" className={styles.close} onClick={onDismiss} aria-label="Dismiss notification">
        <Icon source={XSmallIcon} tone="inherit" />
      </button>
    </div>
  );
}

export const useToast = () => useContext(ToastContext).show;
