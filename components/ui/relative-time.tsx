const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const exact = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function formatRelative(date: Date, now = Date.now()): string {
  const seconds = Math.round((date.getTime() - now) / 1000);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return Math.abs(seconds) < 45 ? "just now" : relative.format(Math.round(seconds / 60), "minute");
}

/** "3 days ago", with the exact time (UTC) on hover and for assistive tech. */
export function RelativeTime({ date, empty = "Never" }: { date: Date | string | null | undefined; empty?: string }) {
  if (!date) return <span className="text-zinc-400">{empty}</span>;
  const value = typeof date === "string" ? new Date(date) : date;
  const full = `${exact.format(value)} UTC`;
  return (
    <time dateTime={value.toISOString()} title={full} suppressHydrationWarning>
      <span suppressHydrationWarning>{formatRelative(value)}</span>
      <span className="sr-only"> ({full})</span>
    </time>
  );
}
