"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

/** Tabs that are real routes: each tab is a link, the current one marked. */
export function TabsNav({ label, tabs }: { label: string; tabs: Array<{ href: string; label: string }> }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="border-b border-zinc-200">
      <ul className="-mb-px flex gap-4 overflow-x-auto">
        {tabs.map((tab) => {
          const active = pathname === tab.href;
          return (
            <li key={tab.href}>
              <Link
                href={tab.href}
                aria-current={active ? "page" : undefined}
                className={`inline-block whitespace-nowrap border-b-2 px-1 py-3 text-sm font-medium ${
                  active ? "border-indigo-600 text-indigo-700" : "border-transparent text-zinc-600 hover:border-zinc-300 hover:text-zinc-900"
                }`}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
