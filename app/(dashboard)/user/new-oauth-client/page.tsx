import Link from "next/link";
import { NewClientForm } from "@/components/oauth-clients/new-client-form";
import { requireOwner } from "@/lib/auth/session";
import { PERMISSION_KEYS } from "@/lib/permissions/catalogue";

export const metadata = { title: "New OAuth Client" };

export default async function NewOAuthClientPage() {
  await requireOwner("/user/new-oauth-client");
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <Link href="/user/oauth-clients" className="text-sm text-zinc-600 hover:text-zinc-900">
          ← OAuth Clients
        </Link>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">Create New OAuth Client</h1>
        <p className="mt-1 text-sm text-zinc-600">
          A client starts with all {PERMISSION_KEYS.length} permissions on. After creating it, turn off what it does not need on its
          Permissions tab.
        </p>
      </div>
      <div className="rounded-xl bg-white p-5 shadow-xs ring-1 ring-zinc-200 sm:p-6">
        <NewClientForm />
      </div>
    </div>
  );
}
