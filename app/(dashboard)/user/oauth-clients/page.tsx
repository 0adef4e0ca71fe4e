import Link from "next/link";
import { ClientList } from "@/components/oauth-clients/client-list";
import { ClientSearchForm } from "@/components/oauth-clients/client-search-form";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { requireOwner } from "@/lib/auth/session";
import { listClients } from "@/lib/clients/list-clients";

export const metadata = { title: "OAuth Clients" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

function pageHref(query: string, page: number): string {
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `/user/oauth-clients?${search}` : "/user/oauth-clients";
}

const createButton = (
  <Link href="/user/new-oauth-client" className={buttonClasses("primary")}>
    Create New OAuth Client
  </Link>
);

export default async function OAuthClientsPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const query = first(params.q);
  const page = Number.parseInt(first(params.page), 10) || 1;
  const owner = await requireOwner(pageHref(query, page));
  const list = await listClients(owner.id, { query, page });
  const hasAny = list.total > 0 || list.query !== "";

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight">OAuth Clients</h1>
          <p className="mt-1 max-w-2xl text-sm text-zinc-600">
            Each client is one integration (a server, an app or an AI agent) with its own credentials, tokens and permissions.
          </p>
        </div>
        {hasAny ? createButton : null}
      </div>

      {first(params.deleted) === "1" ? <Alert tone="success">The client was deleted, and every token it had was deleted with it.</Alert> : null}

      {!hasAny ? (
        <EmptyState title="No OAuth clients yet" action={createButton}>
          <p>
            An OAuth client is how a third party or an AI agent (for example through the MCP endpoint) gets access to your account without
            your password. It gets a client ID, a secret for servers, and access tokens that can do only what you allow.
          </p>
          <p className="mt-2">A new client starts with every permission on; you then turn off what it does not need.</p>
        </EmptyState>
      ) : (
        <>
          <ClientSearchForm query={list.query} />
          {list.items.length === 0 ? (
            <EmptyState
              title="No clients match"
              action={
                <Link href="/user/oauth-clients" className={buttonClasses("secondary")}>
                  Show all clients
                </Link>
              }
            >
              No client name contains “{list.query}”.
            </EmptyState>
          ) : (
            <div>
              <ClientList clients={list.items} />
              <Pagination page={list.page} pageCount={list.pageCount} total={list.total} href={(p) => pageHref(list.query, p)} noun="clients" />
            </div>
          )}
        </>
      )}
    </div>
  );
}
