import { notFound } from "next/navigation";
import { CreateTokenDialog } from "@/components/access-tokens/create-token-dialog";
import { DeleteClientTokensButton } from "@/components/access-tokens/delete-client-tokens-button";
import { KeysetPagination } from "@/components/access-tokens/keyset-pagination";
import { TokenList } from "@/components/access-tokens/token-list";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { requireOwner } from "@/lib/auth/session";
import { getClient } from "@/lib/clients/get-client";
import { listClientTokens } from "@/lib/tokens/list-client-tokens";
import { parseTokenListQuery } from "@/lib/tokens/schemas";

export const metadata = { title: "Access Tokens" };

interface PageProps {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function ClientAccessTokensPage({ params, searchParams }: PageProps) {
  const { id } = await params;
  const pathname = `/user/oauth-clients/${id}/access-tokens`;
  const owner = await requireOwner(pathname);
  const client = await getClient(owner.id, id);
  if (!client) notFound();
  const query = parseTokenListQuery(await searchParams);
  const page = await listClientTokens(owner.id, client.id, { after: query.after ?? null, before: query.before ?? null });
  const disabledReason = client.disabled ? "This client is disabled, so its tokens don't work and no new ones can be created. Enable the client first." : null;

  return (
    <section aria-labelledby="tokens-heading" className="space-y-5">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="max-w-2xl">
          <h2 id="tokens-heading" className="text-lg font-semibold">
            Access tokens
          </h2>
          <p className="mt-1 text-sm text-zinc-600">
            Each token calls the API as this client, with the permissions the client allows now. Tokens from OAuth sign-ins appear here too.
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {page.total > 0 ? <DeleteClientTokensButton clientId={client.id} clientName={client.name} count={page.total} capped={page.totalCapped} /> : null}
          <CreateTokenDialog clientId={client.id} clientName={client.name} disabled={client.disabled} disabledReasonId="client-disabled-reason" />
        </div>
      </div>
      {disabledReason ? (
        <Alert tone="warning" id="client-disabled-reason">
          {disabledReason}
        </Alert>
      ) : null}
      {page.tokens.length === 0 ? (
        <EmptyState title="No access tokens yet">
          Create a token when you want to connect with a bearer token without a client ID and secret; send it as{" "}
          <code className="whitespace-nowrap rounded bg-zinc-100 px-1 font-mono text-xs">Authorization: Bearer &lt;token&gt;</code>.
        </EmptyState>
      ) : (
        <>
          <TokenList tokens={page.tokens} />
          <KeysetPagination pathname={pathname} query={query} result={page} />
        </>
      )}
    </section>
  );
}
