import type { ReactNode } from "react";

export function SectionCard({ title, description, children, id }: { title: string; description?: ReactNode; children: ReactNode; id?: string }) {
  const headingId = id ? `${id}-heading` : undefined;
  return (
    <section id={id} aria-labelledby={headingId} className="rounded-xl bg-white p-5 shadow-xs ring-1 ring-zinc-200 sm:p-6">
      <h2 id={headingId} className="text-base font-semibold text-zinc-900">
        {title}
      </h2>
      {description ? <div className="mt-1 text-sm text-zinc-600">{description}</div> : null}
      <div className="mt-4">{children}</div>
    </section>
  );
}
