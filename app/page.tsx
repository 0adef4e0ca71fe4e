import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

export default function HomePage() {
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-2xl flex-col justify-center px-6 py-16">
      <p className="text-sm font-semibold uppercase tracking-wider text-indigo-700">Latch</p>
      <h1 className="mt-3 text-3xl font-semibold tracking-tight text-zinc-900 sm:text-4xl">
        Least-privilege API access for third parties and AI agents.
      </h1>
      <p className="mt-5 text-base leading-7 text-zinc-600">
        Latch lets you create OAuth clients and access tokens for your account, each cut down to exactly the
        permissions it needs. Every API and MCP call is checked against those permissions at that moment, so an
        agent cannot do what you did not allow, even when it hallucinates.
      </p>
      <div className="mt-8 flex flex-wrap gap-3">
        <Link href="/signup" className={buttonClasses("primary")}>
          Create account
        </Link>
        <Link href="/login" className={buttonClasses("secondary")}>
          Sign in
        </Link>
      </div>
    </main>
  );
}
