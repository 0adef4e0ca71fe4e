import "server-only";
import { db } from "@/lib/db/prisma";
import { DAY_MS, utcDay } from "@/lib/usage/utc-day";

export interface UsageCount {
  allowed: number;
  refused: number;
}

export interface ClientUsage {
  /** First UTC day counted ("YYYY-MM-DD"); the window ends today. */
  since: string;
  days: number;
  totals: UsageCount;
  /** Only permissions used or refused in the window; absent means zero. */
  byPermission: Record<string, UsageCount>;
}

/**
 * What a client really used over the last `days` days, per permission:
 * allowed and refused calls across all its tokens. Null for a client the
 * owner does not own.
 */
export async function getClientUsage(
  ownerId: string,
  clientId: string,
  { days = 30, now = new Date() }: { days?: number; now?: Date } = {},
): Promise<ClientUsage | null> {
  const client = await db().oAuthClient.findFirst({ where: { id: clientId, ownerId }, select: { id: true } });
  if (!client) return null;
  const since = utcDay(new Date(now.getTime() - (days - 1) * DAY_MS));
  const rows = await db().permissionUsage.groupBy({
    by: ["permission"],
    where: { ownerId, clientId, day: { gte: since } },
    _sum: { allowed: true, refused: true },
  });
  const byPermission: Record<string, UsageCount> = {};
  const totals: UsageCount = { allowed: 0, refused: 0 };
  for (const row of rows) {
    const count = { allowed: row._sum.allowed ?? 0, refused: row._sum.refused ?? 0 };
    byPermission[row.permission] = count;
    totals.allowed += count.allowed;
    totals.refused += count.refused;
  }
  return { since, days, totals, byPermission };
}
