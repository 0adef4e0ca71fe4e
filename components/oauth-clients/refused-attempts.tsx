import { MaskedToken } from "@/components/access-tokens/masked-token";
import { USAGE_WINDOW_DAYS } from "@/components/oauth-clients/permission-usage";
import { RelativeTime } from "@/components/ui/relative-time";
import type { RefusedAttemptView } from "@/lib/usage/list-refused-attempts";

interface RefusedAttemptsProps {
  attempts: readonly RefusedAttemptView[];
  /** More refused attempts exist than are listed. */
  more: boolean;
  /** All refusals counted in the window (the list keeps samples of repeats). */
  refusedTotal: number;
}

/** What this client's tokens tried and were refused, newest first; collapsible, closed by default. */
export function RefusedAttempts({ attempts, more, refusedTotal }: RefusedAttemptsProps) {
  const summary =
    refusedTotal > 0 ? `${refusedTotal.toLocaleString("en")} in the last ${USAGE_WINDOW_DAYS} days` : `none in the last ${USAGE_WINDOW_DAYS} days`;
  return (
    <details className="group rounded-xl bg-white shadow-xs ring-1 ring-zinc-200">
      <summary className="flex cursor-pointer list-none items-center gap-2 rounded-xl px-4 py-3 text-sm [&::-webkit-details-marker]:hidden">
        <svg aria-hidden viewBox="0 0 20 20" className="size-5 shrink-0 text-zinc-400 transition-transform group-open:rotate-90">
          <path fill="currentColor" d="M7.3 4.3a1 1 0 0 1 1.4 0l5 5a1 1 0 0 1 0 1.4l-5 5a1 1 0 0 1-1.4-1.4L11.6 10 7.3 5.7a1 1 0 0 1 0-1.4Z" />
        </svg>
        <span className="min-w-0 flex-1">
          <span className="font-semibold text-zinc-900">What this client tried and was refused</span>
          <span className={refusedTotal > 0 ? "font-medium text-red-700" : "text-zinc-500"}>{` · ${summary}`}</span>
        </span>
      </summary>
      <div className="border-t border-zinc-100">
        {attempts.length === 0 ? (
          <p className="px-4 py-6 text-center text-sm text-zinc-600">{`Nothing refused in the last ${USAGE_WINDOW_DAYS} days.`}</p>
        ) : (
          <>
            <ul className="divide-y divide-zinc-100" aria-label="Refused attempts, newest first">
              {attempts.map((a) => (
                <li key={a.id} className="flex flex-col gap-1 px-4 py-3 text-sm sm:flex-row sm:items-start sm:gap-4">
                  <span className="w-28 shrink-0 text-xs text-zinc-500 sm:pt-0.5">
                    <RelativeTime date={a.createdAt} />
                  </span>
                  <div className="min-w-0 flex-1">
                    <p className="font-mono text-xs break-all text-zinc-900">{a.operation}</p>
                    <p className="mt-0.5 text-xs text-zinc-600">
                      <span className="font-medium text-red-700">{a.permissionLabel}</span>
                      <span className="font-mono text-zinc-500">{` ${a.permission}`}</span>
                    </p>
                  </div>
                  <div className="min-w-0 shrink-0 text-xs text-zinc-600 sm:max-w-64 sm:text-right">
                    {a.tokenName !== null && a.tokenPrefix !== null && a.tokenLast4 !== null ? (
                      <>
                        <span className="mr-1.5 break-words">{a.tokenName}</span>
                        <MaskedToken prefix={a.tokenPrefix} last4={a.tokenLast4} />
                      </>
                    ) : (
                      <span className="text-zinc-400">Deleted token</span>
                    )}
                  </div>
                </li>
              ))}
            </ul>
            <p className="border-t border-zinc-100 px-4 py-2 text-xs text-zinc-500">
              {more
                ? `Showing the ${attempts.length} newest. Repeats of the same call are sampled; the counts beside each permission are exact.`
                : "Repeats of the same call are sampled; the counts beside each permission are exact."}
            </p>
          </>
        )}
      </div>
    </details>
  );
}
