"use client";

import { formatDateTime, timeAgo } from "@/components/stores/format-time";

const numbers = new Intl.NumberFormat("en");

export const formatCount = (value: number) => numbers.format(value);

/** "5 minutes ago", with the exact date and time on hover and for assistive technology. */
export function TimeAgo({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={formatDateTime(iso)}>
      {timeAgo(iso)}
    </time>
  );
}
