import "server-only";
import type { Prisma } from "@prisma/client";
import { listTokenPage, type TokenPage, type TokenPageRequest } from "@/lib/tokens/list-token-page";
import type { TokenSort, TokenStatus } from "@/lib/tokens/schemas";

export interface OwnerTokenFilters extends TokenPageRequest {
  /** OAuthClient.id; another owner's client simply matches nothing. */
  clientId?: string | null;
  status?: TokenStatus;
  sort?: TokenSort;
}

export function statusWhere(status: TokenStatus, now: Date): Prisma.AccessTokenWhereInput {
  if (status === "active") return { OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
  if (status === "expired") return { expiresAt: { lte: now } };
  return {};
}

/**
 * Every token of the owner across clients, newest first (by creation or last
 * use), one keyset page at a time. Index use: (ownerId, createdAt) or
 * (ownerId, lastUsedAt); with a client filter, (clientId, createdAt).
 */
export async function listOwnerTokens(ownerId: string, filters: OwnerTokenFilters = {}): Promise<TokenPage> {
  const where: Prisma.AccessTokenWhereInput & { ownerId: string } = { ownerId };
  if (filters.clientId) where.clientId = filters.clientId;
  const status = statusWhere(filters.status ?? "all", new Date());
  if (Object.keys(status).length) where.AND = [status];
  return listTokenPage(where, filters.sort ?? "created", { after: filters.after ?? null, before: filters.before ?? null });
}
