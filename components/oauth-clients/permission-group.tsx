"use client";
import { memo } from "react";
import { Button } from "@/components/ui/button";
import { PermissionRow } from "@/components/oauth-clients/permission-row";
import { formatRefused, formatUses, type UsageByPermission } from "@/components/oauth-clients/permission-usage";
import type { Permission, PermissionGroup as Group } from "@/lib/permissions/catalogue";

interface PermissionGroupProps {
  group: Group;
  /** Every permission of the group, for the counts. */
  all: readonly Permission[];
  /** The ones the search shows (all of them when not searching). */
  shown: readonly Permission[];
  searching: boolean;
  expanded: boolean;
  enabled: ReadonlySet<string>;
  saved: ReadonlySet<string>;
  usage: UsageByPermission;
  onExpandedChange: (groupId: string, expanded: boolean) => void;
  onToggle: (key: string, on: boolean) => void;
  onSetMany: (keys: readonly string[], on: boolean) => void;
}

function PermissionGroupView({ group, all, shown, searching, expanded, enabled, saved, usage, onExpandedChange, onToggle, onSetMany }: PermissionGroupProps) {
  const on = all.filter((p) => enabled.has(p.key)).length;
  const destructiveOn = all.filter((p) => p.kind === "destructive" && enabled.has(p.key)).length;
  const changed = all.filter((p) => enabled.has(p.key) !== saved.has(p.key)).length;
  const shownKeys = shown.map((p) => p.key);
  const uses = all.reduce((n, p) => n + (usage[p.key]?.allowed ?? 0), 0);
  const refused = all.reduce((n, p) => n + (usage[p.key]?.refused ?? 0), 0);
  const panelId = `perm-group-${group.id}`;
  const scope = searching ? "Matches" : "All";

  return (
    <section aria-labelledby={`${panelId}-heading`} className="overflow-hidden rounded-xl bg-white shadow-xs ring-1 ring-zinc-200">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 px-3 py-3 sm:px-4">
        <h3 id={`${panelId}-heading`} className="min-w-56 flex-1">
          <button
            type="button"
            aria-expanded={expanded}
            aria-controls={panelId}
            aria-describedby={`${panelId}-description`}
            onClick={() => onExpandedChange(group.id, !expanded)}
            className="flex w-full min-w-0 items-start gap-2 rounded-md text-left"
          >
            <svg aria-hidden viewBox="0 0 20 20" className={`mt-0.5 size-5 shrink-0 text-zinc-400 transition-transform ${expanded ? "rotate-90" : ""}`}>
              <path fill="currentColor" d="M7.3 4.3a1 1 0 0 1 1.4 0l5 5a1 1 0 0 1 0 1.4l-5 5a1 1 0 0 1-1.4-1.4L11.6 10 7.3 5.7a1 1 0 0 1 0-1.4Z" />
            </svg>
            <span className="min-w-0 flex-1">
              <span className="block truncate text-sm">
                <span className="font-semibold text-zinc-900">{group.label}</span>
                {/* Described, not named: the button's name stays "Sales 4 of 15 on". */}
                <span id={`${panelId}-description`} aria-hidden className="ml-2 hidden text-xs text-zinc-500 md:inline">
                  {group.description}
                </span>
              </span>
              <span className="mt-0.5 block text-xs text-zinc-600">
                <span className={on === 0 ? "text-zinc-500" : "font-medium text-zinc-800"}>
                  {on} of {all.length} on
                </span>
                {destructiveOn > 0 ? <span className="font-medium text-red-700"> · {destructiveOn} destructive on</span> : null}
                {uses > 0 ? <span>{` · ${formatUses(uses)}`}</span> : null}
                {refused > 0 ? <span className="font-medium text-red-700">{` · ${formatRefused(refused)}`}</span> : null}
                {searching ? <span> · {shown.length} matching</span> : null}
                {changed > 0 ? <span className="font-medium text-amber-700"> · {changed} unsaved</span> : null}
              </span>
            </span>
          </button>
        </h3>
        <div className="flex shrink-0 gap-2 pl-7 sm:pl-0">
          <Button variant="secondary" size="sm" onClick={() => onSetMany(shownKeys, true)} inactive={shown.every((p) => enabled.has(p.key))}>
            {scope} on<span className="sr-only"> in {group.label}</span>
          </Button>
          <Button variant="secondary" size="sm" onClick={() => onSetMany(shownKeys, false)} inactive={shown.every((p) => !enabled.has(p.key))}>
            {scope} off<span className="sr-only"> in {group.label}</span>
          </Button>
        </div>
      </div>
      <div id={panelId} hidden={!expanded} className="border-t border-zinc-100">
        {expanded ? (
          <>
            <p className="px-4 pt-3 text-xs text-zinc-500 sm:px-5 md:hidden">{group.description}</p>
            <ul className="divide-y divide-zinc-100">
              {shown.map((p) => (
                <PermissionRow
                  key={p.key}
                  permission={p}
                  checked={enabled.has(p.key)}
                  changed={enabled.has(p.key) !== saved.has(p.key)}
                  usage={usage[p.key]}
                  onToggle={onToggle}
                />
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </section>
  );
}

/** The enabled/saved sets change identity on every toggle; a group re-renders only when one of its own keys changed. */
function sameForGroup(prev: PermissionGroupProps, next: PermissionGroupProps): boolean {
  for (const name of Object.keys(next) as Array<keyof PermissionGroupProps>) {
    if (name === "enabled" || name === "saved") continue;
    if (prev[name] !== next[name]) return false;
  }
  return next.all.every(
    (p) => prev.enabled.has(p.key) === next.enabled.has(p.key) && prev.saved.has(p.key) === next.saved.has(p.key),
  );
}

export const PermissionGroup = memo(PermissionGroupView, sameForGroup);
