import type { ReactNode } from "react";

const TONES = {
  error: "bg-red-50 text-red-800 ring-red-200",
  info: "bg-indigo-50 text-indigo-900 ring-indigo-200",
  warning: "bg-amber-50 text-amber-900 ring-amber-200",
  success: "bg-emerald-50 text-emerald-900 ring-emerald-200",
} as const;

export function Alert({ tone = "info", children, id }: { tone?: keyof typeof TONES; children: ReactNode; id?: string }) {
  return (
    <div id={id} role={tone === "error" ? "alert" : "status"} className={`rounded-md px-4 py-3 text-sm ring-1 ring-inset ${TONES[tone]}`}>
      {children}
    </div>
  );
}
