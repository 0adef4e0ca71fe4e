import { notFound } from "next/navigation";
import { AllPermissionsNotice } from "@/components/oauth-clients/all-permissions-notice";
import { ClientEndpoints } from "@/components/oauth-clients/client-endpoints";
import { ClientSecretField } from "@/components/oauth-clients/client-secret-field";
import { CopyField } from "@/components/oauth-clients/copy-field";
import { EditClientForm } from "@/components/oauth-clients/edit-client-form";
import { GrantTypes } from "@/components/oauth-clients/grant-types";
import { SectionCard } from "@/components/oauth-clients/section-card";
import { Alert } from "@/components/ui/alert";
import { requireOwner } from "@/lib/auth/session";
import { getClient } from "@/lib/clients/get-client";
import { config } from "@/lib/config/env";

export const metadata = { title: "Auth Details" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuthDetailsPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const owner = await requireOwner(`/user/oauth-clients/${id}/auth-details`);
  const client = await getClient(owner.id, id);
  if (!client) notFound();
  const created = query.created === "1";
  const allOn = client.permissionCount >= client.permissionTotal;
  const graceEnds = client.previousSecretExpiresAt && client.previousSecretExpiresAt > new Date() ? client.previousSecretExpiresAt : null;

  return (
    <div className="space-y-6">
      {created ? (
        <Alert tone="success">
          <strong className="font-semibold">Client created.</strong> Its credentials and the URLs to connect it are below.
        </Alert>
      ) : null}
      {allOn ? <AllPermissionsNotice clientId={client.id} total={client.permissionTotal} prominent={created} /> : null}

      <SectionCard
        id="credentials"
        title="Credentials"
        description={
          client.type === "confidential"
            ? "The client authenticates at the token endpoint with its ID and secret."
            : "A public client has no secret: it proves each authorization with PKCE (a one-time code verifier) instead, which is safe for apps whose code users can read."
        }
      >
        <dl className="space-y-5">
          <CopyField label="Client ID" value={client.clientId} />
          {client.type === "confidential" && client.secretLast4 ? (
            <ClientSecretField
              clientId={client.id}
              last4={client.secretLast4}
              previousSecretExpiresAt={graceEnds?.toISOString() ?? null}
            />
          ) : null}
        </dl>
      </SectionCard>

      <SectionCard id="endpoints" title="Endpoints" description="Give these to the third party or AI agent you are connecting.">
        <ClientEndpoints publicUrl={config().publicUrl} />
      </SectionCard>

      <div className="grid items-start gap-6 lg:grid-cols-2">
        <SectionCard id="settings" title="Settings">
          <EditClientForm
            clientId={client.id}
            name={client.name}
            description={client.description}
            redirectUris={client.redirectUris}
            fromDocument={client.registration === "metadata_document"}
          />
        </SectionCard>
        <SectionCard id="grant-types" title="Grant types" description="How this client may get tokens.">
          <GrantTypes type={client.type} authMethod={client.tokenEndpointAuthMethod} />
        </SectionCard>
      </div>
    </div>
  );
}
