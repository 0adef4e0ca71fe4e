import Link from "next/link";
import { notFound } from "next/navigation";
import { ClientHeaderActions } from "@/components/oauth-clients/client-header-actions";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/relative-time";
import { TabsNav } from "@/components/ui/tabs-nav";
import { requireOwner } from "@/lib/auth/session";
import { getClient } from "@/lib/clients/get-client";
import { REGISTRATION_LABELS } from "@/lib/clients/schemas";

export default async function ClientLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  const { id } = await params;
  const owner = await requireOwner(`/user/oauth-clients/${id}/auth-details`);
  const client = await getClient(owner.id, id);
  if (!client) notFound();
  const base = `/user/oauth-clients/${client.id}`;
  return (
    <div className="space-y-6">
      <div>
        <Link href="/user/oauth-clients" className="text-sm text-zinc-600 hover:text-zinc-900">
          ← OAuth Clients
        </Link>
        <div className="mt-2 flex flex-wrap items-start justify-between gap-4">
          <div className="min-w-0">
            <h1 className="break-words text-2xl font-semibold tracking-tight">{client.name}</h1>
            <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-2 text-sm text-zinc-600">
              <Badge tone="indigo">{client.type === "confidential" ? "Confidential" : "Public"}</Badge>
              {client.disabled ? <Badge tone="red">Disabled</Badge> : <Badge tone="green">Active</Badge>}
              {client.registration !== "dashboard" ? <Badge>{REGISTRATION_LABELS[client.registration]}</Badge> : null}
              <span>
                Created <RelativeTime date={client.createdAt} />
              </span>
              <span>
                Last used <RelativeTime date={client.lastUsedAt} empty="never" />
              </span>
            </div>
          </div>
          <ClientHeaderActions id={client.id} name={client.name} disabled={client.disabled} />
        </div>
      </div>
      {client.disabled ? (
        <Alert tone="warning">
          <strong className="font-semibold">This client is disabled.</strong> Its tokens are refused and it cannot get new ones until you
          enable it.
        </Alert>
      ) : null}
      <TabsNav
        label="Client sections"
        tabs={[
          { href: `${base}/auth-details`, label: "Auth Details" },
          { href: `${base}/access-tokens`, label: "Access Tokens" },
          { href: `${base}/permissions`, label: "Permissions" },
        ]}
      />
      <div>{children}</div>
    </div>
  );
}
