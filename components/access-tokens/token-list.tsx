"use client";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TokenRow } from "@/components/access-tokens/token-row";
import { useDeleteTokens } from "@/components/access-tokens/use-delete-tokens";
import type { TokenSummary } from "@/lib/tokens/token-summary";

interface TokenListProps {
  tokens: TokenSummary[];
  /** The all-tokens page shows each token's client and lets the owner select several. */
  showClient?: boolean;
  selectable?: boolean;
}

const HEAD = "text-xs font-medium uppercase tracking-wide text-zinc-500";

export function TokenList({ tokens, showClient = false, selectable = false }: TokenListProps) {
  const columns = showClient
    ? "lg:grid-cols-[1rem_minmax(0,1.2fr)_17rem_minmax(0,1fr)_6rem_7.5rem_6.5rem_4rem]"
    : "lg:grid-cols-[minmax(0,1.3fr)_17rem_7rem_8rem_7rem_4.5rem]";
  const [selected, setSelected] = useState<Set<string>>(new Set());
  // Only ids still on the page count (after a delete or a page change).
  const visible = tokens.filter((t) => selected.has(t.id));
  const allSelected = tokens.length > 0 && visible.length === tokens.length;
  const selectAll = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = visible.length > 0 && !allSelected;
  }, [visible.length, allSelected]);
  const [confirming, setConfirming] = useState(false);
  const { pending, run } = useDeleteTokens();
  // A deleted row takes the keyboard focus with it (its Delete button, its
  // dialog): the list gets it, and the owner goes on from there.
  const list = useRef<HTMLUListElement>(null);
  const ids = tokens.map((t) => t.id).join(",");
  const shownIds = useRef(ids);
  useEffect(() => {
    if (shownIds.current === ids) return;
    shownIds.current = ids;
    if (document.activeElement === null || document.activeElement === document.body) list.current?.focus({ preventScroll: true });
  }, [ids]);

  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const count = visible.length;
  return (
    <div className="overflow-hidden rounded-xl bg-white shadow-xs ring-1 ring-zinc-200">
      {selectable ? (
        <div className="flex flex-wrap items-center justify-between gap-3 border-b border-zinc-200 bg-zinc-50 px-4 py-2.5">
          <label className="flex items-center gap-2 text-sm text-zinc-700">
            <input
              ref={selectAll}
              type="checkbox"
              checked={allSelected}
              onChange={(e) => setSelected(e.target.checked ? new Set(tokens.map((t) => t.id)) : new Set())}
              className="size-4 accent-indigo-600"
            />
            Select all on this page
          </label>
          {/* Inactive, not disabled, with nothing selected: the dialog gives the focus back to it after a delete. */}
          <Button variant="danger" size="sm" inactive={count === 0} onClick={() => setConfirming(true)}>
            Delete selected ({count})
          </Button>
        </div>
      ) : null}
      <div aria-hidden className={`hidden gap-x-3 border-b border-zinc-200 px-4 py-2 lg:grid ${columns}`}>
        {selectable ? <span /> : null}
        <span className={HEAD}>Name</span>
        <span className={HEAD}>Token</span>
        {showClient ? <span className={HEAD}>Client</span> : null}
        <span className={HEAD}>Created</span>
        <span className={HEAD}>Expires</span>
        <span className={HEAD}>Last used</span>
        <span />
      </div>
      <ul ref={list} tabIndex={-1} aria-label="Access tokens" className="divide-y divide-zinc-200 focus:outline-none">
        {tokens.map((token) => (
          <TokenRow
            key={token.id}
            token={token}
            columns={columns}
            showClient={showClient}
            selection={selectable ? { selected: selected.has(token.id), onChange: (on) => toggle(token.id, on) } : undefined}
          />
        ))}
      </ul>
      {selectable ? (
        <ConfirmDialog
          open={confirming}
          onClose={() => setConfirming(false)}
          onConfirm={async () => {
            if (await run({ ids: visible.map((t) => t.id) })) {
              setConfirming(false);
              setSelected(new Set());
            }
          }}
          pending={pending}
          title={count === 1 ? "Delete 1 token?" : `Delete ${count} tokens?`}
          description="The selected tokens stop working at once: any app or agent using them loses access. This can't be undone."
          confirmLabel={count === 1 ? "Delete 1 token" : `Delete ${count} tokens`}
        />
      ) : null}
    </div>
  );
}
