"use client";

import { InlineGrid, Text } from "@shopify/polaris";
import type { ReactNode } from "react";

/** Label–value pairs as a description list: labels on the left, values on the right (stacked on phones). */
export function DetailList({ items }: { items: { label: string; value: ReactNode }[] }) {
  return (
    <dl style={{ margin: 0, display: "grid", gap: "var(--p-space-300)" }}>
      {items.map(({ label, value }) => (
        <InlineGrid key={label} columns={{ xs: 1, sm: ["oneThird", "twoThirds"] }} gap="100">
          <dt>
            <Text as="span" tone="subdued">
              {label}
            </Text>
          </dt>
          <dd style={{ margin: 0 }}>{typeof value === "string" ? <Text as="span">{value}</Text> : value}</dd>
        </InlineGrid>
      ))}
    </dl>
  );
}
