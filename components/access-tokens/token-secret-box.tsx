import type { ReactNode } from "react";

/** A full token, in a box that wraps anywhere (a token is one long word). */
export function TokenSecretBox({ token, label, actions }: { token: string; label: string; actions?: ReactNode }) {
  return (
    <div className="flex flex-col gap-2 rounded-md bg-zinc-900 p-3 sm:flex-row sm:items-center">
      <code aria-label={label} className="min-w-0 flex-1 break-all font-mono text-xs leading-5 text-emerald-200 select-all">
        {token}
      </code>
      {actions ? <div className="flex shrink-0 gap-2">{actions}</div> : null}
    </div>
  );
}
