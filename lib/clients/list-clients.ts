import "server-only";
import type { Prisma } from "@prisma/client";
import { config } from "@/lib/config/env";
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

function nameContains(query: string): Prisma.StringFilter<"OAuthClient"> {
  // SQLite's LIKE already ignores ASCII case; PostgreSQL needs mode
  // "insensitive", which the SQLite-generated client does not declare.
  if (config().databaseProvider === "postgresql") {
    return { contains: query, mode: "insensitive" } as unknown as Prisma.StringFilter<"OAuthClient">;
  }
  return { contains: query };
}

/**
 * One page of the owner's clients, newest first, optionally filtered by name,
 * with the number of live tokens per client counted in a single query.
 */
export async function listClients(ownerId: string, options: { query?: string; page?: number } = {}): Promise<ClientList> {
  const query = (options.query ?? "").trim().slice(0, 100);
  const where: Prisma.OAuthClientWhereInput = query ? { ownerId, name: nameContains(query) } : { ownerId };
  const total = await db().oAuthClient.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / CLIENTS_PAGE_SIZE));
  const requested = Number.isInteger(options.page) && options.page! > 0 ? options.page! : 1;
  const page = Math.min(requested, pageCount);

  const rows = await db().oAuthClient.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * CLIENTS_PAGE_SIZE,
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
