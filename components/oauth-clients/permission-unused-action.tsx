"use client";
import { formatRefused, formatUses, USAGE_WINDOW_DAYS } from "@/components/oauth-clients/permission-usage";
import { Button } from "@/components/ui/button";
import type { UsageCount } from "@/lib/usage/get-client-usage";

interface PermissionUnusedActionProps {
  totals: UsageCount;
  /** Permissions on now (including unsaved changes) with no allowed use in the window. */
  unusedOn: number;
  onTurnOff: () => void;
}

/**
 * The client's real use in the last 30 days, and the one-click cut to what it
 * used. It only stages the change: the save bar shows it before anything is saved.
 */
export function PermissionUnusedAction({ totals, unusedOn, onTurnOff }: PermissionUnusedActionProps) {
  const neverUsed = totals.allowed === 0;
  const explanation = neverUsed
    ? `This client made no allowed calls in the last ${USAGE_WINDOW_DAYS} days, so there is nothing to go by: this would turn off every permission. Turn permissions off by hand, or use a preset.`
    : unusedOn === 0
      ? `Every permission that is on was used in the last ${USAGE_WINDOW_DAYS} days.`
      : `${unusedOn} ${unusedOn === 1 ? "permission is" : "permissions are"} on but unused. You will see the change before anything is saved.`;
  return (
    <div className="flex flex-col gap-3 rounded-xl bg-white px-4 py-3 shadow-xs ring-1 ring-zinc-200 sm:flex-row sm:items-center">
      <div className="min-w-0 flex-1 text-sm">
        <p className="text-zinc-700">
          <span className="font-medium text-zinc-900">Last {USAGE_WINDOW_DAYS} days: </span>
          <span className={totals.allowed ? undefined : "text-zinc-500"}>{formatUses(totals.allowed)}</span>
          {totals.refused ? <span className="font-medium text-red-700">{` · ${formatRefused(totals.refused)}`}</span> : null}
        </p>
        <p id="unused-permissions-explanation" className="mt-0.5 text-xs text-zinc-600">
          {explanation}
        </p>
      </div>
      <Button
        variant="secondary"
        size="sm"
        onClick={onTurnOff}
        disabled={neverUsed || unusedOn === 0}
        aria-describedby="unused-permissions-explanation"
        className="shrink-0 self-start sm:self-center"
      >
        {`Turn off everything unused in the last ${USAGE_WINDOW_DAYS} days`}
      </Button>
    </div>
  );
}
