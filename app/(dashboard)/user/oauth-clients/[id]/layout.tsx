import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { TabsNav } from "@/components/ui/tabs-nav";
import { requireOwner } from "@/lib/auth/session";
import { getClient } from "@/lib/clients/get-client";

export default async function ClientLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  const { id } = await params;
  const owner = await requireOwner(`/user/oauth-clients/${id}/auth-details`);
  const client = await getClient(owner.id, id);
  if (!client) notFound();
  const base = `/user/oauth-clients/${client.id}`;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <h1 className="truncate text-2xl font-semibold tracking-tight">{client.name}</h1>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <Badge tone="indigo">{client.type === "confidential" ? "Confidential" : "Public"}</Badge>
            {client.disabled ? <Badge tone="red">Disabled</Badge> : <Badge tone="green">Active</Badge>}
          </div>
        </div>
        {/* Disable/Enable and Delete go here. */}
      </div>
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
