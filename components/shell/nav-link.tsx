"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

export function NavLink({ href, match, children }: { href: string; match: string; children: React.ReactNode }) {
  const pathname = usePathname();
  const active = pathname === match || pathname.startsWith(`${match}/`) || (match === "/user/oauth-clients" && pathname === "/user/new-oauth-client");
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={`rounded-md px-3 py-2 text-sm font-medium ${active ? "bg-zinc-100 text-zinc-900" : "text-zinc-600 hover:bg-zinc-50 hover:text-zinc-900"}`}
    >
      {children}
    </Link>
  );
}
