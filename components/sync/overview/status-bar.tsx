"use client";

/** A thin bar split in proportion to the counts beside it; decoration only (the numbers carry the meaning). */
export function StatusBar({ total, segments }: { total: number; segments: { value: number; color: string }[] }) {
  return (
    <div
      aria-hidden
      style={{
        display: "flex",
        gap: 2,
        height: 8,
        borderRadius: "var(--p-border-radius-full)",
        overflow: "hidden",
        background: "var(--p-color-bg-fill-tertiary)",
      }}
    >
      {total > 0
        ? segments
            .filter((segment) => segment.value > 0)
            .map((segment, index) => (
              <div
                key={index}
                style={{ flexGrow: segment.value, flexBasis: 0, minWidth: 4, background: segment.color }}
              />
            ))
        : null}
    </div>
  );
}
