import type { UsageCount } from "@/lib/usage/get-client-usage";

/** A permission's (or a client's) uses and refusals in the usage window. */
export type UsageByPermission = Readonly<Record<string, UsageCount>>;

export const USAGE_WINDOW_DAYS = 30;

export function formatUses(n: number): string {
  return `${n.toLocaleString("en")} ${n === 1 ? "use" : "uses"}`;
}

export function formatRefused(n: number): string {
  return `${n.toLocaleString("en")} refused`;
}

/** "42 uses · 3 refused": muted when nothing happened, refusals in red. */
export function PermissionUsage({ usage, className = "" }: { usage: UsageCount | undefined; className?: string }) {
  const allowed = usage?.allowed ?? 0;
  const refused = usage?.refused ?? 0;
  return (
    <span className={`text-xs whitespace-nowrap ${className}`} title={`In the last ${USAGE_WINDOW_DAYS} days`}>
      <span className={allowed ? "font-medium text-zinc-700" : "text-zinc-400"}>{formatUses(allowed)}</span>
      {refused ? <span className="font-medium text-red-700">{` · ${formatRefused(refused)}`}</span> : null}
      <span className="sr-only">{` in the last ${USAGE_WINDOW_DAYS} days`}</span>
    </span>
  );
}
