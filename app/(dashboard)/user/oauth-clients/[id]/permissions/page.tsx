import { notFound } from "next/navigation";
import { PermissionToggles } from "@/components/oauth-clients/permission-toggles";
import { USAGE_WINDOW_DAYS } from "@/components/oauth-clients/permission-usage";
import { RefusedAttempts } from "@/components/oauth-clients/refused-attempts";
import { requireOwner } from "@/lib/auth/session";
import { getClient } from "@/lib/clients/get-client";
import { getClientUsage } from "@/lib/usage/get-client-usage";
import { listRefusedAttempts } from "@/lib/usage/list-refused-attempts";

export const metadata = { title: "Permissions" };

const REFUSED_SHOWN = 20;

export default async function ClientPermissionsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const owner = await requireOwner(`/user/oauth-clients/${id}/permissions`);
  const client = await getClient(owner.id, id);
  if (!client) notFound();
  const [usage, refused] = await Promise.all([
    getClientUsage(owner.id, client.id, { days: USAGE_WINDOW_DAYS }),
    listRefusedAttempts(owner.id, client.id, { limit: REFUSED_SHOWN, days: USAGE_WINDOW_DAYS }),
  ]);
  if (!usage) notFound();
  return (
    <PermissionToggles
      clientId={client.id}
      initialEnabled={client.permissions}
      usage={usage.byPermission}
      usageTotals={usage.totals}
      refused={<RefusedAttempts attempts={refused.data} more={refused.nextCursor !== null} refusedTotal={usage.totals.refused} />}
    />
  );
}
