import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "@/lib/db/prisma";
import { splitPermissions } from "@/lib/clients/get-client";
import type { ClientType, Registration } from "@/lib/clients/schemas";
import { isPermissionKey, PERMISSION_KEYS } from "@/lib/permissions/catalogue";

export const CLIENTS_PAGE_SIZE = 25;

export interface ClientListItem {
  id: string;
  clientId: string;
  name: string;
  type: ClientType;
  registration: Registration;
  disabled: boolean;
  permissionCount: number;
  permissionTotal: number;
  /** Tokens that have not expired (or never expire). */
  activeTokenCount: number;
  createdAt: Date;
  lastUsedAt: Date | null;
}

export interface ClientList {
  items: ClientListItem[];
  /** Clients matching the search, over all pages. */
  total: number;
  page: number;
  pageCount: number;
  query: string;
}

const NEWEST_FIRST: Prisma.OAuthClientOrderByWithRelationInput[] = [{ createdAt: "desc" }, { id: "desc" }];

/** Text as a search compares it: one Unicode form, lower case in every script. */
function folded(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

/**
 * The ids of the owner's clients whose name contains the query, ignoring
 * case, newest first. Matched here rather than with the database's LIKE, which
 * reads `%` and `_` in the query as wildcards (Prisma does not escape them)
 * and on SQLite ignores the case of ASCII letters only. An owner's clients number
 * in the hundreds or thousands; only their ids and names are read.
 */
async function idsMatching(ownerId: string, query: string): Promise<string[]> {
  const needle = folded(query);
  const rows = await db().oAuthClient.findMany({ where: { ownerId }, orderBy: NEWEST_FIRST, select: { id: true, name: true } });
  return rows.filter((row) => folded(row.name).includes(needle)).map((row) => row.id);
}

/**
 * One page of the owner's clients, newest first, optionally filtered by name,
 * with the number of live tokens per client counted in a single query.
 */
export async function listClients(ownerId: string, options: { query?: string; page?: number } = {}): Promise<ClientList> {
  const query = (options.query ?? "").trim().slice(0, 100);
  const matching = query ? await idsMatching(ownerId, query) : null;
  const total = matching ? matching.length : await db().oAuthClient.count({ where: { ownerId } });
  const pageCount = Math.max(1, Math.ceil(total / CLIENTS_PAGE_SIZE));
  const requested = Number.isInteger(options.page) && options.page! > 0 ? options.page! : 1;
  const page = Math.min(requested, pageCount);
  const skip = (page - 1) * CLIENTS_PAGE_SIZE;
  const where: Prisma.OAuthClientWhereInput = matching ? { ownerId, id: { in: matching.slice(skip, skip + CLIENTS_PAGE_SIZE) } } : { ownerId };

  const rows = await db().oAuthClient.findMany({
    where,
    orderBy: NEWEST_FIRST,
    skip: matching ? 0 : skip,
    take: CLIENTS_PAGE_SIZE,
    select: {
      id: true,
      clientId: true,
      name: true,
      type: true,
      registration: true,
      disabled: true,
      permissions: true,
      createdAt: true,
      lastUsedAt: true,
    },
  });

  const counts = new Map<string, number>();
  if (rows.length > 0) {
    const groups = await db().accessToken.groupBy({
      by: ["clientId"],
      where: {
        ownerId,
        clientId: { in: rows.map((r) => r.id) },
        OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }],
      },
      _count: { _all: true },
    });
    for (const group of groups) counts.set(group.clientId, group._count._all);
  }

  return {
    items: rows.map((row) => ({
      id: row.id,
      clientId: row.clientId,
      name: row.name,
      type: row.type as ClientType,
      registration: row.registration as Registration,
      disabled: row.disabled,
      permissionCount: splitPermissions(row.permissions).filter(isPermissionKey).length,
      permissionTotal: PERMISSION_KEYS.length,
      activeTokenCount: counts.get(row.id) ?? 0,
      createdAt: row.createdAt,
      lastUsedAt: row.lastUsedAt,
    })),
    total,
    page,
    pageCount,
    query,
  };
}
