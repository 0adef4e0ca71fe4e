import Link from "next/link";
import type { ReactNode } from "react";

export function AuthCard({ title, children, footer }: { title: string; children: ReactNode; footer: ReactNode }) {
  return (
    <main id="main" className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <Link href="/" className="mb-8 text-2xl font-semibold tracking-tight text-zinc-900">
        Latch
      </Link>
      <div className="w-full max-w-sm rounded-xl bg-white p-6 shadow-sm ring-1 ring-zinc-200 sm:p-8">
        <h1 className="mb-6 text-lg font-semibold">{title}</h1>
        {children}
      </div>
      <p className="mt-6 text-sm text-zinc-600">{footer}</p>
    </main>
  );
}
