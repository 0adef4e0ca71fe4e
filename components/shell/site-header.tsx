import Link from "next/link";
import { NavLink } from "@/components/shell/nav-link";
import { SignOutButton } from "@/components/shell/sign-out-button";

export function SiteHeader({ email }: { email: string }) {
  return (
    <header className="border-b border-zinc-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/user/oauth-clients" className="text-lg font-semibold tracking-tight text-zinc-900">
          Latch
        </Link>
        <nav aria-label="Main" className="order-3 flex w-full gap-1 sm:order-none sm:w-auto">
          <NavLink href="/user/oauth-clients" match="/user/oauth-clients">
            OAuth Clients
          </NavLink>
          <NavLink href="/user/oauth-access-tokens" match="/user/oauth-access-tokens">
            Access Tokens
          </NavLink>
        </nav>
        <div className="ml-auto flex min-w-0 items-center gap-2">
          <span className="truncate text-sm text-zinc-600" title={email}>
            {email}
          </span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
