import type { PermissionSummary } from "@/lib/oauth/consent-choice";

const KIND_STYLES = {
  read: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  write: "bg-amber-50 text-amber-900 ring-amber-200",
  destructive: "bg-red-50 text-red-800 ring-red-200",
} as const;

/** Counts by kind, destructive permissions by name, the full list on demand. */
export function PermissionSummaryView({ summary, narrowed }: { summary: PermissionSummary; narrowed: boolean }) {
  if (summary.total === 0) {
    return (
      <section aria-label="What the app will be able to do" className="rounded-lg bg-zinc-50 p-4 text-sm text-zinc-700">
        {`This app will not be able to do anything yet${narrowed ? " with the access it asked for" : ""}.`}
      </section>
    );
  }
  return (
    <section aria-label="What the app will be able to do" className="space-y-4">
      <div>
        <h2 className="text-sm font-semibold text-zinc-900">{`It will be able to use ${summary.total} permissions`}</h2>
        <ul className="mt-2 flex flex-wrap gap-2 text-sm">
          {(["read", "write", "destructive"] as const).map((kind) => (
            <li key={kind} className={`rounded-full px-2.5 py-0.5 ring-1 ring-inset ${KIND_STYLES[kind]}`}>
              {`${summary.counts[kind]} ${kind}`}
            </li>
          ))}
        </ul>
      </div>
      {summary.destructive.length ? (
        <div>
          <h3 className="text-sm font-medium text-red-800">Including these destructive actions</h3>
          <ul className="mt-2 flex max-h-48 flex-wrap gap-1.5 overflow-y-auto rounded-lg p-2 ring-1 ring-inset ring-red-100">
            {summary.destructive.map((p) => (
              <li key={p.key} title={p.description} className="rounded bg-red-50 px-2 py-0.5 text-xs text-red-800 ring-1 ring-inset ring-red-200">
                {p.label}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <details className="rounded-lg ring-1 ring-zinc-200">
        <summary className="cursor-pointer px-4 py-2.5 text-sm font-medium text-indigo-700">{`See all ${summary.total} permissions`}</summary>
        <div className="max-h-80 space-y-4 overflow-y-auto border-t border-zinc-100 px-4 py-3">
          {summary.byGroup.map(({ group, permissions }) => (
            <div key={group.id}>
              <h4 className="text-xs font-semibold uppercase tracking-wide text-zinc-500">{group.label}</h4>
              <ul className="mt-1 space-y-0.5 text-sm">
                {permissions.map((p) => (
                  <li key={p.key} className="flex items-baseline justify-between gap-3">
                    <span className="text-zinc-800">{p.label}</span>
                    <span className={`shrink-0 rounded px-1.5 text-xs ring-1 ring-inset ${KIND_STYLES[p.kind]}`}>{p.kind}</span>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      </details>
    </section>
  );
}
