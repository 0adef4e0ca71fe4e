import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

/**
 * Shown while every permission is on. Just after creation it is the first
 * thing on the page and larger, because that is when the owner should act.
 */
export function AllPermissionsNotice({ clientId, total, prominent }: { clientId: string; total: number; prominent: boolean }) {
  const href = `/user/oauth-clients/${clientId}/permissions`;
  if (!prominent) {
    return (
      <div role="status" className="flex flex-wrap items-center justify-between gap-3 rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
        <p>
          <strong className="font-semibold">All {total} permissions are on.</strong> Turn off what this client does not need.
        </p>
        <Link href={href} className="font-medium text-amber-900 underline underline-offset-2 hover:no-underline">
          Review permissions
        </Link>
      </div>
    );
  }
  return (
    <div role="status" className="rounded-xl bg-amber-50 p-5 ring-1 ring-inset ring-amber-300 sm:p-6">
      <h2 className="text-base font-semibold text-amber-950">All {total} permissions are on</h2>
      <div className="mt-2 max-w-3xl space-y-2 text-sm text-amber-900">
        <p>
          A new client can do everything the API allows: read and change sales, customers and subscriptions, refund payments and delete
          data. Any token it gets has the same power.
        </p>
        <p>
          We recommend cutting this down to the few permissions the integration needs, especially for an AI agent connected through MCP,
          so a mistake or a hallucination cannot do harm you did not allow.
        </p>
      </div>
      <Link href={href} className={`${buttonClasses("primary")} mt-4`}>
        Choose permissions
      </Link>
    </div>
  );
}
