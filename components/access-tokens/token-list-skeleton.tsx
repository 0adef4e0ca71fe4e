/** Shown while a token page loads (a filter change, Next or Previous). */
export function TokenListSkeleton({ rows = 5 }: { rows?: number }) {
  return (
    <div role="status" aria-label="Loading tokens" className="overflow-hidden rounded-xl bg-white shadow-xs ring-1 ring-zinc-200">
      <ul aria-hidden className="divide-y divide-zinc-200">
        {Array.from({ length: rows }, (_, i) => (
          <li key={i} className="flex animate-pulse items-center gap-4 px-4 py-4">
            <span className="h-4 w-32 rounded bg-zinc-200" />
            <span className="h-4 w-28 rounded bg-zinc-100" />
            <span className="ml-auto hidden h-4 w-48 rounded bg-zinc-100 sm:block" />
          </li>
        ))}
      </ul>
    </div>
  );
}
