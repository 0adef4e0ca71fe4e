"use client";
import { Button } from "@/components/ui/button";
import { formatPermissionDiff } from "@/components/oauth-clients/permission-filter";

interface PermissionSaveBarProps {
  on: number;
  off: number;
  destructiveOn: number;
  pending: boolean;
  error: string | null;
  onSave: () => void;
  onDiscard: () => void;
}

/** Sticks to the bottom of the window while there are unsaved changes. */
export function PermissionSaveBar({ on, off, destructiveOn, pending, error, onSave, onDiscard }: PermissionSaveBarProps) {
  return (
    <div role="region" aria-label="Unsaved permission changes" className="sticky bottom-3 z-20 mt-6">
      <div className="flex flex-col gap-3 rounded-xl bg-zinc-900 px-4 py-3 text-white shadow-lg sm:flex-row sm:items-center">
        <div className="min-w-0 flex-1 text-sm" aria-live="polite">
          <p>
            <span className="text-zinc-300">Unsaved changes: </span>
            <strong className="font-semibold" data-testid="permission-diff">
              {formatPermissionDiff(on, off)}
            </strong>
            {destructiveOn > 0 ? <span className="text-red-300"> (turns on {destructiveOn} destructive)</span> : null}
          </p>
          {error ? (
            <p role="alert" className="mt-1 text-red-300">
              {error}
            </p>
          ) : null}
        </div>
        <div className="flex shrink-0 gap-2">
          <Button variant="secondary" onClick={onDiscard} disabled={pending} className="flex-1 sm:flex-none">
            Discard
          </Button>
          <Button onClick={onSave} pending={pending} className="flex-1 sm:flex-none">
            Save
          </Button>
        </div>
      </div>
    </div>
  );
}
