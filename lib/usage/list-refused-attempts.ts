import "server-only";
import { afterCursor, NEWEST_FIRST, toPage, type Page } from "@/lib/db/keyset-pagination";
import { db } from "@/lib/db/prisma";
import { getPermission } from "@/lib/permissions/catalogue";

export interface RefusedAttemptView {
  id: string;
  permission: string;
  /** The catalogue label, or the key for a retired permission. */
  permissionLabel: string;
  /** e.g. "POST /api/v1/sales/{id}/void" or "tool void_sale". */
  operation: string;
  tokenId: string;
  /** Null when the token has been deleted since. */
  tokenName: string | null;
  createdAt: Date;
}

/**
 * What a client's tokens tried and were refused, newest first. Another
 * owner's client simply has none.
 */
export async function listRefusedAttempts(
  ownerId: string,
  clientId: string,
  { limit = 20, cursor }: { limit?: number; cursor?: string } = {},
): Promise<Page<RefusedAttemptView>> {
  const rows = await db().refusedAttempt.findMany({
    where: { ownerId, clientId, ...afterCursor(cursor) },
    orderBy: NEWEST_FIRST,
    take: limit + 1,
  });
  const tokenIds = [...new Set(rows.map((r) => r.tokenId))];
  const tokens = await db().accessToken.findMany({
    where: { ownerId, id: { in: tokenIds } },
    select: { id: true, name: true },
  });
  const names = new Map(tokens.map((t) => [t.id, t.name]));
  return toPage(rows, limit, (row) => ({
    id: row.id,
    permission: row.permission,
    permissionLabel: getPermission(row.permission)?.label ?? row.permission,
    operation: row.operation,
    tokenId: row.tokenId,
    tokenName: names.get(row.tokenId) ?? null,
    createdAt: row.createdAt,
  }));
}
