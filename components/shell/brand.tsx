"use client";

import { Icon } from "@shopify/polaris";
import { RefreshIcon } from "@shopify/polaris-icons";
import Link from "next/link";
import styles from "./brand.module.css";
import { inOrganization } from "./page-organization";

/** The "Synco" name and mark, linking home (the stores of `organizationId`); `onDark` for the top bar. */
export function Brand({ onDark = false, organizationId = null }: { onDark?: boolean; organizationId?: string | null }) {
  return (
    <Link
      href={inOrganization("/", organizationId)}
      className={`${styles.brand} ${onDark ? styles.onDark : styles.onLight}`}
    >
      <span className={styles.mark} aria-hidden="true">
        <Icon source={RefreshIcon} />
      </span>
      <span className={styles.name}>Synco</span>
    </Link>
  );
}
