import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { CopyButton } from "@/components/ui/copy-button";
import { RelativeTime } from "@/components/ui/relative-time";
import type { ClientListItem } from "@/lib/clients/list-clients";
import { REGISTRATION_LABELS } from "@/lib/clients/schemas";

function detailsHref(client: ClientListItem): string {
  return `/user/oauth-clients/${client.id}/auth-details`;
}

function TypeBadges({ client }: { client: ClientListItem }) {
  return (
    <span className="inline-flex flex-wrap gap-1.5">
      <Badge tone="indigo">{client.type === "confidential" ? "Confidential" : "Public"}</Badge>
      {client.registration !== "dashboard" ? <Badge>{REGISTRATION_LABELS[client.registration]}</Badge> : null}
      {client.disabled ? <Badge tone="red">Disabled</Badge> : null}
    </span>
  );
}

function PermissionCount({ client }: { client: ClientListItem }) {
  const all = client.permissionCount === client.permissionTotal;
  return (
    <span className={all ? "text-amber-800" : "text-zinc-700"} title={all ? "Every permission is on: consider cutting them down." : undefined}>
      {client.permissionCount} of {client.permissionTotal} permissions
    </span>
  );
}

function TokenCount({ count }: { count: number }) {
  return <span>{count === 1 ? "1 active token" : `${count} active tokens`}</span>;
}

function ClientIdCell({ clientId, narrow = false }: { clientId: string; narrow?: boolean }) {
  return (
    <span className="flex min-w-0 items-center gap-2">
      <code className={`${narrow ? "max-w-[10rem]" : ""} truncate font-mono text-xs text-zinc-700`} title={clientId}>
        {clientId}
      </code>
      <CopyButton value={clientId} srLabel="client ID" />
    </span>
  );
}

/** The owner's clients: a table on wide screens, cards on narrower ones. */
export function ClientList({ clients }: { clients: ClientListItem[] }) {
  return (
    <>
      <div className="hidden overflow-x-auto rounded-xl bg-white shadow-xs ring-1 ring-zinc-200 xl:block">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-zinc-200 bg-zinc-50 text-xs font-medium uppercase tracking-wide whitespace-nowrap text-zinc-500">
            <tr>
              <th scope="col" className="px-4 py-3">Name</th>
              <th scope="col" className="px-4 py-3">Client ID</th>
              <th scope="col" className="px-4 py-3">Permissions</th>
              <th scope="col" className="px-4 py-3 text-right">Active tokens</th>
              <th scope="col" className="px-4 py-3">Created</th>
              <th scope="col" className="px-4 py-3">Last used</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {clients.map((client) => (
              <tr key={client.id} className="align-middle hover:bg-zinc-50/60">
                <td className="px-4 py-3">
                  <Link href={detailsHref(client)} className="block max-w-[13rem] truncate font-medium text-indigo-700 hover:underline" title={client.name}>
                    {client.name}
                  </Link>
                  <div className="mt-1">
                    <TypeBadges client={client} />
                  </div>
                </td>
                <td className="px-4 py-3">
                  <ClientIdCell clientId={client.clientId} narrow />
                </td>
                <td className="px-4 py-3 whitespace-nowrap">
                  <PermissionCount client={client} />
                </td>
                <td className="px-4 py-3 text-right text-zinc-700 tabular-nums">{client.activeTokenCount}</td>
                <td className="px-4 py-3 whitespace-nowrap text-zinc-600">
                  <RelativeTime date={client.createdAt} />
                </td>
                <td className="px-4 py-3 whitespace-nowrap text-zinc-600">
                  <RelativeTime date={client.lastUsedAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <ul className="grid gap-3 md:grid-cols-2 xl:hidden">
        {clients.map((client) => (
          <li key={client.id} className="rounded-xl bg-white p-4 shadow-xs ring-1 ring-zinc-200">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <Link href={detailsHref(client)} className="min-w-0 truncate font-medium text-indigo-700 hover:underline">
                {client.name}
              </Link>
              <TypeBadges client={client} />
            </div>
            <div className="mt-3">
              <ClientIdCell clientId={client.clientId} />
            </div>
            <p className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm">
              <PermissionCount client={client} />
              <span className="text-zinc-700"><TokenCount count={client.activeTokenCount} /></span>
            </p>
            <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
              <div>
                <dt className="text-xs text-zinc-500">Created</dt>
                <dd className="text-zinc-700"><RelativeTime date={client.createdAt} /></dd>
              </div>
              <div>
                <dt className="text-xs text-zinc-500">Last used</dt>
                <dd className="text-zinc-700"><RelativeTime date={client.lastUsedAt} /></dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
