"use client";
import { type ReactNode, useCallback, useDeferredValue, useMemo, useRef, useState, useTransition } from "react";
import { runFormAction } from "@/components/ui/call-form-action";
import { PermissionGroup } from "@/components/oauth-clients/permission-group";
import { formatPermissionDiff, matchesSearch, rebasedOnStored, searchTerms } from "@/components/oauth-clients/permission-filter";
import { PermissionSaveBar } from "@/components/oauth-clients/permission-save-bar";
import { PermissionSummary } from "@/components/oauth-clients/permission-summary";
import { PermissionToolbar, type PermissionPreset } from "@/components/oauth-clients/permission-toolbar";
import { PermissionUnusedAction } from "@/components/oauth-clients/permission-unused-action";
import type { UsageByPermission } from "@/components/oauth-clients/permission-usage";
import { useUnsavedChangesGuard } from "@/components/oauth-clients/use-unsaved-changes-guard";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { saveClientPermissionsAction } from "@/lib/clients/permission-actions";
import { KEPT_OTHER_CHANGES } from "@/lib/forms/own-changes";
import { getPermission, PERMISSION_GROUPS, PERMISSION_KEYS, PERMISSIONS_BY_GROUP, READ_ONLY_KEYS } from "@/lib/permissions/catalogue";
import type { UsageCount } from "@/lib/usage/get-client-usage";

const LEAVE_MESSAGE = "You have unsaved permission changes. Leave this page and lose them?";

const PERMISSION_PRESETS: Record<PermissionPreset, readonly string[]> = {
  all: PERMISSION_KEYS,
  none: [],
  readOnly: READ_ONLY_KEYS,
};

function isDestructive(key: string) {
  return getPermission(key)?.kind === "destructive";
}

function usedGroups(usage: UsageByPermission): Set<string> {
  return new Set(
    Object.entries(usage)
      .filter(([, count]) => count.allowed > 0 || count.refused > 0)
      .map(([key]) => getPermission(key)?.group)
      .filter((group): group is string => group !== undefined),
  );
}

interface PermissionTogglesProps {
  clientId: string;
  initialEnabled: readonly string[];
  /** Uses and refusals per permission in the last 30 days, and their totals. */
  usage: UsageByPermission;
  usageTotals: UsageCount;
  /** Shown under the heading: what the client tried and was refused. */
  refused?: ReactNode;
}

/**
 * The Permissions tab: the state is the set of enabled keys. Save sends it in
 * one request with the set the page last had from the server, so that only
 * this page's changes are applied to what is stored.
 */
export function PermissionToggles({ clientId, initialEnabled, usage, usageTotals, refused }: PermissionTogglesProps) {
  const [saved, setSaved] = useState<ReadonlySet<string>>(() => new Set(initialEnabled));
  const [enabled, setEnabled] = useState<ReadonlySet<string>>(saved);
  const [query, setQuery] = useState("");
  // The groups the client really uses start open, so their counts are in view.
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => usedGroups(usage));
  // While searching every matching group is open, except the ones the owner closes.
  const [closedWhileSearching, setClosedWhileSearching] = useState<ReadonlySet<string>>(() => new Set());
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const toast = useToast();
  const topRef = useRef<HTMLDivElement>(null);

  const deferredQuery = useDeferredValue(query);
  const terms = useMemo(() => searchTerms(deferredQuery), [deferredQuery]);
  const searching = terms.length > 0;
  const visibleGroups = useMemo(
    () =>
      PERMISSION_GROUPS.map((group) => {
        const all = PERMISSIONS_BY_GROUP.get(group.id) ?? [];
        return { group, all, shown: searching ? all.filter((p) => matchesSearch(p, terms)) : all };
      }).filter((g) => g.shown.length > 0),
    [terms, searching],
  );
  const matchCount = visibleGroups.reduce((n, g) => n + g.shown.length, 0);

  const diff = useMemo(() => {
    const added = [...enabled].filter((key) => !saved.has(key));
    const removed = [...saved].filter((key) => !enabled.has(key));
    return { added, removed, destructiveAdded: added.filter(isDestructive).length };
  }, [enabled, saved]);
  const dirty = diff.added.length > 0 || diff.removed.length > 0;
  const destructiveOn = useMemo(() => [...enabled].filter(isDestructive).length, [enabled]);
  const unusedOn = useMemo(() => PERMISSION_KEYS.filter((key) => enabled.has(key) && !(usage[key]?.allowed ?? 0)), [enabled, usage]);

  useUnsavedChangesGuard(dirty, LEAVE_MESSAGE);

  const onToggle = useCallback((key: string, on: boolean) => {
    setEnabled((current) => {
      const next = new Set(current);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  }, []);
  const onSetMany = useCallback((keys: readonly string[], on: boolean) => {
    setEnabled((current) => {
      const next = new Set(current);
      for (const key of keys) {
        if (on) next.add(key);
        else next.delete(key);
      }
      return next;
    });
  }, []);
  const onExpandedChange = useCallback(
    (groupId: string, open: boolean) => {
      const update = (current: ReadonlySet<string>, add: boolean) => {
        const next = new Set(current);
        if (add) next.add(groupId);
        else next.delete(groupId);
        return next;
      };
      if (searching) setClosedWhileSearching((current) => update(current, !open));
      else setExpanded((current) => update(current, open));
    },
    [searching],
  );

  function changeQuery(value: string) {
    setQuery(value);
    setClosedWhileSearching(new Set());
  }

  function applyPreset(keys: readonly string[]) {
    setEnabled(new Set(keys));
  }

  function discard() {
    setEnabled(saved);
    setError(null);
    topRef.current?.focus({ preventScroll: true });
  }

  function save() {
    const snapshot = enabled;
    const form = new FormData();
    form.set("clientId", clientId);
    for (const key of PERMISSION_KEYS) if (snapshot.has(key)) form.append("permission", key);
    // Only this page's own changes are saved: what another tab or person saved since stays.
    form.set("loaded", PERMISSION_KEYS.filter((key) => saved.has(key)).join(" "));
    startTransition(async () => {
      const result = await runFormAction(saveClientPermissionsAction, form);
      if (result.status === "success" && result.data) {
        const stored = new Set(result.data.enabled);
        const merged = stored.size !== snapshot.size || [...stored].some((key) => !snapshot.has(key));
        setSaved(stored);
        setEnabled((current) => rebasedOnStored(current, snapshot, stored));
        setError(null);
        const saidSaved = `Saved: ${formatPermissionDiff(result.data.added.length, result.data.removed.length)}`;
        toast(merged ? `${saidSaved}. ${KEPT_OTHER_CHANGES}` : saidSaved);
        topRef.current?.focus({ preventScroll: true });
      } else {
        const fieldError = result.fieldErrors?.permission?.[0] ?? result.fieldErrors?.clientId?.[0];
        setError(fieldError ?? result.formError ?? "Could not save. Try again.");
      }
    });
  }

  return (
    <div className="space-y-5">
      <div ref={topRef} tabIndex={-1} className="space-y-1 outline-none">
        <h2 className="text-lg font-semibold">Permissions</h2>
        <p className="text-sm text-zinc-600">
          What this client&apos;s tokens may do. Turning a permission off takes effect on the very next API call of every token of this
          client.
        </p>
      </div>
      {refused}
      <PermissionSummary
        on={enabled.size}
        total={PERMISSION_KEYS.length}
        destructiveOn={destructiveOn}
        onReadOnly={() => applyPreset(PERMISSION_PRESETS.readOnly)}
      />
      <PermissionUnusedAction totals={usageTotals} unusedOn={unusedOn.length} onTurnOff={() => onSetMany(unusedOn, false)} />
      <PermissionToolbar
        query={query}
        onQueryChange={changeQuery}
        onPreset={(preset) => applyPreset(PERMISSION_PRESETS[preset])}
        onExpandAll={(open) => {
          setClosedWhileSearching(open ? new Set() : new Set(PERMISSION_GROUPS.map((g) => g.id)));
          if (!searching) setExpanded(open ? new Set(PERMISSION_GROUPS.map((g) => g.id)) : new Set());
        }}
      />
      <p className="sr-only" aria-live="polite">
        {searching ? `${matchCount} ${matchCount === 1 ? "permission matches" : "permissions match"}` : ""}
      </p>
      {visibleGroups.length === 0 ? (
        <div className="rounded-xl border border-dashed border-zinc-300 bg-white px-6 py-10 text-center">
          <p className="text-sm font-semibold text-zinc-900">No permissions match &ldquo;{deferredQuery.trim()}&rdquo;</p>
          <p className="mt-1 text-sm text-zinc-600">Search by name (&ldquo;refund&rdquo;) or key (&ldquo;sale.void&rdquo;).</p>
          <Button
            variant="secondary"
            size="sm"
            className="mt-4"
            onClick={() => {
              changeQuery("");
              // This button goes with the empty result: the focus goes back to the search.
              document.getElementById("permission-search")?.focus();
            }}
          >
            Clear search
          </Button>
        </div>
      ) : (
        <div className="space-y-3">
          {visibleGroups.map(({ group, all, shown }) => (
            <PermissionGroup
              key={group.id}
              group={group}
              all={all}
              shown={shown}
              searching={searching}
              expanded={searching ? !closedWhileSearching.has(group.id) : expanded.has(group.id)}
              enabled={enabled}
              saved={saved}
              usage={usage}
              onExpandedChange={onExpandedChange}
              onToggle={onToggle}
              onSetMany={onSetMany}
            />
          ))}
        </div>
      )}
      {dirty || pending ? (
        <PermissionSaveBar
          on={diff.added.length}
          off={diff.removed.length}
          destructiveOn={diff.destructiveAdded}
          pending={pending}
          error={error}
          onSave={save}
          onDiscard={discard}
        />
      ) : null}
    </div>
  );
}
