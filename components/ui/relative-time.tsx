"use client";
import { useSyncExternalStore } from "react";

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const EXACT: Intl.DateTimeFormatOptions = { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" };
/** The server knows no owner's time zone: it writes UTC, and the browser its own zone once it runs. */
const utc = new Intl.DateTimeFormat("en", { ...EXACT, timeZone: "UTC" });
let browserZone: Intl.DateTimeFormat | undefined;
const inBrowserZone = () => (browserZone ??= new Intl.DateTimeFormat("en", EXACT));
const noChanges = () => () => {};

export function formatRelative(date: Date, now = Date.now()): string {
  const seconds = Math.round((date.getTime() - now) / 1000);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return Math.abs(seconds) < 45 ? "just now" : relative.format(Math.round(seconds / 60), "minute");
}

/**
 * "3 days ago", with the exact time on hover and for assistive tech: in the
 * browser's time zone (a custom expiry is the end of the owner's own day),
 * in UTC until the page's script runs.
 */
export function RelativeTime({ date, empty = "Never" }: { date: Date | string | null | undefined; empty?: string }) {
  // UTC while hydrating (as the server wrote it), then the browser's zone.
  const exact = useSyncExternalStore(noChanges, inBrowserZone, () => utc);
  if (!date) return <span className="text-zinc-400">{empty}</span>;
  const value = typeof date === "string" ? new Date(date) : date;
  const full = exact.format(value);
  return (
    <time dateTime={value.toISOString()} title={full} suppressHydrationWarning>
      <span suppressHydrationWarning>{formatRelative(value)}</span>
      <span className="sr-only"> ({full})</span>
    </time>
  );
}
