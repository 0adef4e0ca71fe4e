import "server-only";
import { config } from "@/lib/config/env";
import { db } from "@/lib/db/prisma";
import { TEXT_PARAM } from "@/lib/db/sqlite-direct";
import { sqliteDate } from "@/lib/db/sqlite-reader";
import { noteSqliteRowsChanged } from "@/lib/db/sqlite-row-cache";
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
// The one column of existing AccessToken rows the direct connection updates
// (it also inserts new tokens, and deletes a refresh grant's expired ones:
// lib/oauth/refresh-token-store.ts): the bearer check keeps whole token rows
// across these writes, reading this column only to skip writing it again
// (lib/resource/find-bearer-token.ts), so a write of any other column of
// AccessToken on the direct connection must call noteSqliteRowsChanged and
// that cache must watch for it.
const TOKEN_USED = `UPDATE "AccessToken" SET "lastUsedAt" = ? WHERE "id" = ${TEXT_PARAM}`;
// The one column of OAuthClient the direct connection writes: the bearer
// check keeps its clients' other columns across these writes
// (lib/resource/find-bearer-token.ts), so a write of any other column here
// must call noteSqliteRowsChanged and that cache must watch for it.
const CLIENT_USED = `UPDATE "OAuthClient" SET "lastUsedAt" = ? WHERE "id" = ${TEXT_PARAM} AND ("lastUsedAt" IS NULL OR "lastUsedAt" < ?)`;

/**
 * SQLite: the whole batch as prepared statements in one transaction on the
 * direct connection, a few milliseconds for what costs Prisma about one per
 * row. False when the database is busy (nothing written).
 */
function writeToSqlite(batch: UsageBatch): boolean {
  const now = sqliteDate(new Date());
  const written = sqliteTryTransaction((run) => {
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
  // Client rows changed (their last use), and kept copies must not outlive that.
  if (written && batch.lastUsed.length > 0) noteSqliteRowsChanged();
  return written;
}

// PostgreSQL: each part of the batch is one statement over arrays (a row per
// array element), so a batch costs four round trips whatever its size.
const PG_ADD_COUNTS = `
  INSERT INTO "PermissionUsage" ("id", "ownerId", "clientId", "tokenId", "permission", "day", "allowed", "refused", "updatedAt")
  SELECT u.id, u.owner, u.client, u.token, u.permission, u.day, u.allowed, u.refused, $9::timestamp(3)
  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[])
    AS u(id, owner, client, token, permission, day, allowed, refused)
  ON CONFLICT ("tokenId", "permission", "day") DO UPDATE SET
    "allowed" = "PermissionUsage"."allowed" + excluded."allowed",
    "refused" = "PermissionUsage"."refused" + excluded."refused",
    "updatedAt" = excluded."updatedAt"`;
// Timestamps as Prisma keeps them: UTC in a column without a time zone (a
// "Z" in the text is ignored by the cast, so the value stays UTC).
const PG_TOKENS_USED = `
  UPDATE "AccessToken" AS t SET "lastUsedAt" = u.at
  FROM unnest($1::text[], $2::text[]::timestamp(3)[]) AS u(id, at)
  WHERE t."id" = u.id`;
const PG_CLIENTS_USED = `
  UPDATE "OAuthClient" AS c SET "lastUsedAt" = u.at
  FROM (SELECT v.id, max(v.at) AS at FROM unnest($1::text[], $2::text[]::timestamp(3)[]) AS v(id, at) GROUP BY v.id) AS u
  WHERE c."id" = u.id AND (c."lastUsedAt" IS NULL OR c."lastUsedAt" < u.at)`;

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

async function writeToPostgres(batch: UsageBatch): Promise<void> {
  // Rows in one order on every instance, so two batches never wait for each other in a circle.
  const counters = [...batch.counters].sort((a, b) => byKey(`${a.tokenId}\n${a.permission}\n${a.day}`, `${b.tokenId}\n${b.permission}\n${b.day}`));
  const lastUsed = [...batch.lastUsed].sort((a, b) => byKey(a[0], b[0]));
  const { refusals } = batch;
  await db().$transaction(async (tx) => {
    if (counters.length > 0) {
      await tx.$executeRawUnsafe(
        PG_ADD_COUNTS,
        counters.map(() => timeOrderedId()),
        counters.map((c) => c.ownerId),
        counters.map((c) => c.clientId),
        counters.map((c) => c.tokenId),
        counters.map((c) => c.permission),
        counters.map((c) => c.day),
        counters.map((c) => c.allowed),
        counters.map((c) => c.refused),
        // As Prisma writes times: UTC in a column without a time zone.
        new Date().toISOString(),
      );
    }
    if (refusals.length > 0) await tx.refusedAttempt.createMany({ data: refusals });
    if (lastUsed.length > 0) {
      const at = lastUsed.map(([, used]) => used.at.toISOString());
      await tx.$executeRawUnsafe(PG_TOKENS_USED, lastUsed.map(([tokenId]) => tokenId), at);
      await tx.$executeRawUnsafe(PG_CLIENTS_USED, lastUsed.map(([, used]) => used.clientId), at);
    }
  });
}

/** SQLite when the direct connection found the database busy: Prisma queues for the lock. */
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

/**
 * Counters written per transaction on SQLite (with at most as many refused
 * attempts and last-used times). There a write holds the event loop and the
 * database's write lock while it runs (about 2.5 µs an upsert, measured), so
 * a large batch goes in slices of a few milliseconds, with other work between
 * them.
 */
export const WRITE_SLICE = 500;

/** How many rows of each kind one writeUsageBatch should take: PostgreSQL writes any batch in four statements, off the event loop. */
export function usageRowsPerWrite(): number {
  return config().databaseProvider === "sqlite" ? WRITE_SLICE : Infinity;
}

/** Writes one batch of usage, all or nothing. */
export async function writeUsageBatch(batch: UsageBatch): Promise<void> {
  if (config().databaseProvider === "postgresql") return writeToPostgres(batch);
  if (writeToSqlite(batch)) return;
  // SQLite was busy (one of Prisma's transactions holds the lock): queue behind it.
  await writeWithPrisma(batch);
}
