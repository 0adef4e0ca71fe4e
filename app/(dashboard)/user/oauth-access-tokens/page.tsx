import Link from "next/link";
import { DeleteExpiredTokensButton } from "@/components/access-tokens/delete-expired-tokens-button";
import { KeysetPagination } from "@/components/access-tokens/keyset-pagination";
import { TokenFilters } from "@/components/access-tokens/token-filters";
import { TokenList } from "@/components/access-tokens/token-list";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { requireOwner } from "@/lib/auth/session";
import { listClientOptions } from "@/lib/tokens/list-client-options";
import { listOwnerTokens } from "@/lib/tokens/list-owner-tokens";
import { parseTokenListQuery } from "@/lib/tokens/schemas";

export const metadata = { title: "Access Tokens" };

const PATH = "/user/oauth-access-tokens";

export default async function AccessTokensPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const owner = await requireOwner(PATH);
  const query = parseTokenListQuery(await searchParams);
  const [clients, page] = await Promise.all([
    listClientOptions(owner.id),
    listOwnerTokens(owner.id, { clientId: query.client ?? null, status: query.status, sort: query.sort, after: query.after ?? null, before: query.before ?? null }),
  ]);
  const filtered = Boolean(query.client) || query.status !== "all";

  return (
    <div className="space-y-6">
      <div className="max-w-3xl">
        <h1 className="text-2xl font-semibold tracking-tight">Access Tokens</h1>
        <p className="mt-2 text-sm text-zinc-600">
          Every access token of your OAuth clients: the ones you created and the ones apps received through OAuth. Reveal a token to copy it again,
          or delete it to cut off whoever holds it.
        </p>
      </div>
      {clients.length > 0 ? (
        <TokenFilters clients={clients} client={query.client ?? ""} status={query.status} sort={query.sort} />
      ) : null}
      {page.tokens.length > 0 ? (
        <div>
          {query.status === "expired" ? (
            <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
              <p className="text-sm text-zinc-600">Expired tokens work for nothing; they stay listed until you delete them.</p>
              <DeleteExpiredTokensButton clientId={query.client ?? null} clientName={clients.find((c) => c.id === query.client)?.name ?? null} />
            </div>
          ) : null}
          <TokenList tokens={page.tokens} showClient selectable />
          <KeysetPagination pathname={PATH} query={query} result={page} />
        </div>
      ) : filtered ? (
        <EmptyState
          title="No tokens match these filters"
          action={
            <Link href={PATH} className={buttonClasses("secondary")}>
              Show all tokens
            </Link>
          }
        >
          Try another client or status.
        </EmptyState>
      ) : (
        <EmptyState
          title="No access tokens yet"
          action={
            <Link href="/user/oauth-clients" className={buttonClasses("primary")}>
              Go to your OAuth clients
            </Link>
          }
        >
          Create a token on a client&apos;s Access Tokens tab when you want to connect with a bearer token without a client ID and secret; send it as{" "}
          <code className="whitespace-nowrap rounded bg-zinc-100 px-1 font-mono text-xs">Authorization: Bearer &lt;token&gt;</code>. Tokens that apps
          receive through OAuth appear here too.
        </EmptyState>
      )}
    </div>
  );
}
