"use client";

import { Icon } from "@shopify/polaris";
import { RefreshIcon } from "@shopify/polaris-icons";
import Link from "next/link";
import styles from "./brand.module.css";

/** The "Synco" name and mark, linking home; `onDark` for the top bar. */
export function Brand({ onDark = false }: { onDark?: boolean }) {
  return (
    <Link href="/" className={`${styles.brand} ${onDark ? styles.onDark : styles.onLight}`}>
      <span className={styles.mark} aria-hidden="true">
        <Icon source={RefreshIcon} />
      </span>
      <span className={styles.name}>Synco</span>
    </Link>
  );
}
