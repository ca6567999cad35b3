"use client";

import {
  Backdrop,
  BlockStack,
  Button,
  InlineStack,
  Key,
  KeypressListener,
  Portal,
  ScrollLock,
  Text,
  TrapFocus,
} from "@shopify/polaris";
import { XIcon } from "@shopify/polaris-icons";
import { useEffect, useId, useRef, type ReactNode } from "react";
import styles from "./side-panel.module.css";

type Props = {
  title: string;
  subtitle?: ReactNode;
  titleMetadata?: ReactNode;
  footer?: ReactNode;
  onClose: () => void;
  children: ReactNode;
};

/**
 * A modal dialog docked to the right, for looking at one item without leaving its list. Polaris 13
 * only has the deprecated Sheet for this, so it is built from Polaris's own primitives: a portal,
 * a backdrop that closes it, a focus trap, Escape to close; focus goes back where it was.
 */
export function SidePanel({ title, subtitle, titleMetadata, footer, onClose, children }: Props) {
  const titleId = useId();
  const returnFocus = useRef<Element | null>(null);
  useEffect(() => {
    returnFocus.current = document.activeElement;
    return () => {
      const previous = returnFocus.current;
      if (previous instanceof HTMLElement && previous.isConnected) previous.focus();
    };
  }, []);

  return (
    <Portal idPrefix="side-panel">
      <ScrollLock />
      <Backdrop onClick={onClose} />
      <TrapFocus>
        <div role="dialog" aria-modal="true" aria-labelledby={titleId} tabIndex={-1} className={styles.container}>
          <div className={styles.header}>
            <InlineStack align="space-between" blockAlign="start" wrap={false} gap="200">
              <BlockStack gap="100">
                <InlineStack gap="200" blockAlign="center">
                  <Text as="h2" variant="headingMd" id={titleId} breakWord>
                    {title}
                  </Text>
                  {titleMetadata}
                </InlineStack>
                {subtitle ? (
                  <Text as="p" tone="subdued" breakWord>
                    {subtitle}
                  </Text>
                ) : null}
              </BlockStack>
              <Button variant="tertiary" icon={XIcon} accessibilityLabel="Close" onClick={onClose} />
            </InlineStack>
          </div>
          <div className={styles.body}>{children}</div>
          {footer ? <div className={styles.footer}>{footer}</div> : null}
        </div>
      </TrapFocus>
      <KeypressListener keyCode={Key.Escape} handler={onClose} />
    </Portal>
  );
}
