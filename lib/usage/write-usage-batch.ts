import "server-only";
import { config } from "@/lib/config/env";
import { db } from "@/lib/db/prisma";
import { sqliteDate } from "@/lib/db/sqlite-reader";
import { sqliteTryTransaction, timeOrderedId } from "@/lib/db/sqlite-writer";

export interface UsageCounter {
  tokenId: string;
  /** OAuthClient.id */
  clientId: string;
  ownerId: string;
  permission: string;
  day: string;
  allowed: number;
  refused: number;
}

export interface UsageRefusal {
  tokenId: string;
  clientId: string;
  ownerId: string;
  permission: string;
  operation: string;
  createdAt: Date;
}

export interface UsageBatch {
  counters: UsageCounter[];
  refusals: UsageRefusal[];
  /** tokenId -> the token's client and when it was used. */
  lastUsed: [string, { clientId: string; at: Date }][];
}

const ADD_COUNTS = `
  INSERT INTO "PermissionUsage" ("id", "ownerId", "clientId", "tokenId", "permission", "day", "allowed", "refused", "updatedAt")
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT ("tokenId", "permission", "day") DO UPDATE SET
    "allowed" = "PermissionUsage"."allowed" + excluded."allowed",
    "refused" = "PermissionUsage"."refused" + excluded."refused",
    "updatedAt" = excluded."updatedAt"`;
const ADD_REFUSAL = `
  INSERT INTO "RefusedAttempt" ("id", "ownerId", "clientId", "tokenId", "permission", "operation", "createdAt")
  VALUES (?, ?, ?, ?, ?, ?, ?)`;
const TOKEN_USED = `UPDATE "AccessToken" SET "lastUsedAt" = ? WHERE "id" = ?`;
const CLIENT_USED = `UPDATE "OAuthClient" SET "lastUsedAt" = ? WHERE "id" = ? AND ("lastUsedAt" IS NULL OR "lastUsedAt" < ?)`;

/**
 * SQLite: the whole batch as prepared statements in one transaction on the
 * direct connection, a few milliseconds for what costs Prisma about one per
 * row. False when the database is busy (nothing written).
 */
function writeToSqlite(batch: UsageBatch): boolean {
  const now = sqliteDate(new Date());
  return sqliteTryTransaction((run) => {
    for (const c of batch.counters) run(ADD_COUNTS, timeOrderedId(), c.ownerId, c.clientId, c.tokenId, c.permission, c.day, c.allowed, c.refused, now);
    for (const r of batch.refusals) {
      run(ADD_REFUSAL, timeOrderedId(r.createdAt.getTime()), r.ownerId, r.clientId, r.tokenId, r.permission, r.operation, sqliteDate(r.createdAt));
    }
    for (const [tokenId, { clientId, at }] of batch.lastUsed) {
      const when = sqliteDate(at);
      run(TOKEN_USED, when, tokenId);
      run(CLIENT_USED, when, clientId, when);
    }
  });
}

async function writeWithPrisma(batch: UsageBatch): Promise<void> {
  await db().$transaction(async (tx) => {
    for (const c of batch.counters) {
      await tx.permissionUsage.upsert({
        where: { tokenId_permission_day: { tokenId: c.tokenId, permission: c.permission, day: c.day } },
        create: c,
        update: { allowed: { increment: c.allowed }, refused: { increment: c.refused } },
      });
    }
    if (batch.refusals.length > 0) await tx.refusedAttempt.createMany({ data: batch.refusals });
    for (const [tokenId, { clientId, at }] of batch.lastUsed) {
      // updateMany: the token or client may have been deleted meanwhile.
      await tx.accessToken.updateMany({ where: { id: tokenId }, data: { lastUsedAt: at } });
      await tx.oAuthClient.updateMany({
        where: { id: clientId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: at } }] },
        data: { lastUsedAt: at },
      });
    }
  });
}

/** Writes one batch of usage, all or nothing. */
export async function writeUsageBatch(batch: UsageBatch): Promise<void> {
  if (config().databaseProvider === "sqlite" && writeToSqlite(batch)) return;
  await writeWithPrisma(batch);
}
