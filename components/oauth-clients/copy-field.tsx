import type { ReactNode } from "react";
import { CopyButton } from "@/components/ui/copy-button";

/** A labelled read-only value in a mono box with a Copy button. */
export function CopyField({ label, value, hint }: { label: string; value: string; hint?: ReactNode }) {
  return (
    <div>
      <dt className="text-sm font-medium text-zinc-800">{label}</dt>
      <dd className="mt-1.5">
        <div className="flex items-start gap-2">
          <code className="block min-w-0 flex-1 break-all rounded-md bg-zinc-50 px-3 py-2 font-mono text-sm text-zinc-800 ring-1 ring-inset ring-zinc-200">
            {value}
          </code>
          <span className="shrink-0 pt-1"><CopyButton value={value} srLabel={label} /></span>
        </div>
        {hint ? <p className="mt-1 text-xs text-zinc-500">{hint}</p> : null}
      </dd>
    </div>
  );
}
