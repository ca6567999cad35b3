"use client";

import { Toast } from "@shopify/polaris";
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";

type ToastMessage = { id: number; content: string; error?: boolean };
type ShowToast = (content: string, options?: { error?: boolean }) => void;
type ToastState = { toast: ToastMessage | null; show: ShowToast; dismiss: () => void };

const ToastContext = createContext<ToastState>({ toast: null, show: () => {}, dismiss: () => {} });

/**
 * Short confirmations ("Role updated"); one at a time, newest wins. The provider sits above the
 * Frame (the top bar shows toasts too); <ToastOutlet/> renders inside it, where Polaris needs it.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const show = useCallback<ShowToast>(
    (content, options) => setToast({ id: Date.now(), content, error: options?.error }),
    [],
  );
  const value = useMemo(() => ({ toast, show, dismiss: () => setToast(null) }), [toast, show]);
  return <ToastContext.Provider value={value}>{children}</ToastContext.Provider>;
}

export function ToastOutlet() {
  const { toast, dismiss } = useContext(ToastContext);
  return toast ? <Toast key={toast.id} content={toast.content} error={toast.error} onDismiss={dismiss} /> : null;
}

export const useToast = () => useContext(ToastContext).show;
