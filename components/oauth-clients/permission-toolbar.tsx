"use client";
import { Button } from "@/components/ui/button";

export type PermissionPreset = "all" | "none" | "readOnly";

interface PermissionToolbarProps {
  query: string;
  onQueryChange: (query: string) => void;
  onPreset: (preset: PermissionPreset) => void;
  onExpandAll: (open: boolean) => void;
}

/** Search, whole-client presets, and expand/collapse for the groups. */
export function PermissionToolbar({ query, onQueryChange, onPreset, onExpandAll }: PermissionToolbarProps) {
  return (
    <div className="space-y-3 rounded-xl bg-white p-3 shadow-xs ring-1 ring-zinc-200 sm:p-4">
      <div>
        <label htmlFor="permission-search" className="sr-only">
          Search permissions
        </label>
        <div className="relative">
          <svg aria-hidden viewBox="0 0 20 20" className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-zinc-400">
            <path
              fill="currentColor"
              d="M8.5 3a5.5 5.5 0 0 1 4.38 8.82l3.65 3.65a.75.75 0 1 1-1.06 1.06l-3.65-3.65A5.5 5.5 0 1 1 8.5 3Zm0 1.5a4 4 0 1 0 0 8 4 4 0 0 0 0-8Z"
            />
          </svg>
          <input
            id="permission-search"
            type="search"
            value={query}
            onChange={(event) => onQueryChange(event.target.value)}
            placeholder="Search by name or key"
            autoComplete="off"
            spellCheck={false}
            className="block w-full rounded-md border-0 bg-white py-2 pr-3 pl-9 text-sm text-zinc-900 shadow-xs ring-1 ring-zinc-300 ring-inset placeholder:text-zinc-400 focus:ring-2 focus:ring-indigo-600 focus:ring-inset"
          />
        </div>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
        <div role="group" aria-labelledby="permission-presets-label" className="flex flex-wrap items-center gap-2">
          <span id="permission-presets-label" className="text-xs font-medium text-zinc-500 uppercase">
            Presets
          </span>
          <Button variant="secondary" size="sm" onClick={() => onPreset("readOnly")}>
            Read-only
          </Button>
          <Button variant="secondary" size="sm" onClick={() => onPreset("all")}>
            All on
          </Button>
          <Button variant="secondary" size="sm" onClick={() => onPreset("none")}>
            All off
          </Button>
        </div>
        <div className="flex gap-1">
          <Button variant="ghost" size="sm" onClick={() => onExpandAll(true)}>
            Expand all
          </Button>
          <Button variant="ghost" size="sm" onClick={() => onExpandAll(false)}>
            Collapse all
          </Button>
        </div>
      </div>
    </div>
  );
}
