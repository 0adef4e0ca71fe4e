"use client";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";

/**
 * What a dashboard page shows when it fails to render or load, inside the
 * dashboard's header and menu: the message, and a way to try again (which
 * loads the page's data afresh) or go back to the clients. Nothing of the
 * error itself is shown: a server error's message stays in the server's log.
 */
export default function DashboardError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <div className="mx-auto max-w-xl space-y-4 py-8">
      <h1 className="text-xl font-semibold">This page could not be shown</h1>
      <Alert tone="error">Something went wrong while loading it. Nothing you saved before was lost.</Alert>
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => retry()}>Try again</Button>
        <Link href="/user/oauth-clients" className={buttonClasses("secondary")}>
          Go to OAuth clients
        </Link>
      </div>
    </div>
  );
}
