import { notFound } from "next/navigation";
import { PermissionToggles } from "@/components/oauth-clients/permission-toggles";
import { requireOwner } from "@/lib/auth/session";
import { getClient } from "@/lib/clients/get-client";

export const metadata = { title: "Permissions" };

export default async function ClientPermissionsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const owner = await requireOwner(`/user/oauth-clients/${id}/permissions`);
  const client = await getClient(owner.id, id);
  if (!client) notFound();
  return <PermissionToggles clientId={client.id} initialEnabled={client.permissions} />;
}
