import "server-only";
import { afterCursor, NEWEST_FIRST, toPage, type Page } from "@/lib/db/keyset-pagination";
import { db } from "@/lib/db/prisma";
import { getPermission } from "@/lib/permissions/catalogue";
import { DAY_MS, utcDay } from "@/lib/usage/utc-day";

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
  /** The token's public prefix and last four characters, for "latch_at_…a1b2"; null when deleted. */
  tokenPrefix: string | null;
  tokenLast4: string | null;
  createdAt: Date;
}

/**
 * What a client's tokens tried and were refused, newest first; with `days`,
 * only within the same window of UTC days as getClientUsage. Another owner's
 * client simply has none.
 */
export async function listRefusedAttempts(
  ownerId: string,
  clientId: string,
  { limit = 20, cursor, days, now = new Date() }: { limit?: number; cursor?: string; days?: number; now?: Date } = {},
): Promise<Page<RefusedAttemptView>> {
  const window = days === undefined ? {} : { createdAt: { gte: new Date(`${utcDay(new Date(now.getTime() - (days - 1) * DAY_MS))}T00:00:00.000Z`) } };
  const rows = await db().refusedAttempt.findMany({
    where: { ownerId, clientId, AND: [window, afterCursor(cursor)] },
    orderBy: NEWEST_FIRST,
    take: limit + 1,
  });
  const tokenIds = [...new Set(rows.map((r) => r.tokenId))];
  const tokens = await db().accessToken.findMany({
    where: { ownerId, id: { in: tokenIds } },
    select: { id: true, name: true, prefix: true, last4: true },
  });
  const byId = new Map(tokens.map((t) => [t.id, t]));
  return toPage(rows, limit, (row) => ({
    id: row.id,
    permission: row.permission,
    permissionLabel: getPermission(row.permission)?.label ?? row.permission,
    operation: row.operation,
    tokenId: row.tokenId,
    tokenName: byId.get(row.tokenId)?.name ?? null,
    tokenPrefix: byId.get(row.tokenId)?.prefix ?? null,
    tokenLast4: byId.get(row.tokenId)?.last4 ?? null,
    createdAt: row.createdAt,
  }));
}
