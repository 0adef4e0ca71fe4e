import "server-only";
import type { Prisma, RefreshToken } from "@prisma/client";
import { config } from "@/lib/config/env";
import { pgPool, pgRows, pgStatement } from "@/lib/db/pg-direct";
import { TEXT_PARAM } from "@/lib/db/sqlite-direct";
import { sqliteDate, sqliteGet, sqliteStoredByPrisma, sqliteTime, type SqliteStored } from "@/lib/db/sqlite-reader";
import { sqliteTryTransaction, timeOrderedId } from "@/lib/db/sqlite-writer";
import { grantTokens, type GrantTokens, type IssueTokensInput, type TokenResponse } from "@/lib/oauth/issue-tokens";
import { accessTokenInsert } from "@/lib/tokens/mint-access-token";

// The refresh grant's reads and writes as prepared statements of Latch's own
// (lib/db/sqlite-direct.ts, lib/db/pg-direct.ts). Through Prisma a refresh was
// a read and an interactive transaction of four compiled queries: about 7 ms
// of CPU a request, and on SQLite every refresh queued behind the round trips
// of the one before. The token is spent with a conditional update and the new
// pair stored in the same transaction, so of requests racing with one token
// exactly one wins, as on Prisma's path: on SQLite in one synchronous BEGIN
// IMMEDIATE transaction (nothing else in this process runs in between, and
// another process finds the lock taken); on PostgreSQL the loser's update
// waits for the winner's row lock, then finds the token spent.

const COLUMNS = `"id", "tokenHash", "ownerId", "clientId", "grantId", "scope", "audience", "expiresAt", "usedAt", "revokedAt", "createdAt"`;
const BY_HASH = `SELECT ${COLUMNS} FROM "RefreshToken" WHERE "tokenHash" = ${TEXT_PARAM}`;

/** The refresh token stored under this hash, as Prisma would read it, or null. */
export async function findRefreshToken(tokenHash: string): Promise<RefreshToken | null> {
  if (config().databaseProvider !== "sqlite") {
    const [row] = await pgRows<RefreshToken>("latch_refresh_by_hash", BY_HASH, [tokenHash]);
    return row ?? null;
  }
  const raw = sqliteGet<SqliteStored<RefreshToken>>(BY_HASH, tokenHash);
  if (!raw) return null;
  return {
    ...raw,
    expiresAt: sqliteTime(raw.expiresAt),
    usedAt: sqliteTime(raw.usedAt),
    revokedAt: sqliteTime(raw.revokedAt),
    createdAt: sqliteTime(raw.createdAt),
  };
}

const SPEND = `UPDATE "RefreshToken" SET "usedAt" = ? WHERE "id" = ${TEXT_PARAM} AND "usedAt" IS NULL AND "revokedAt" IS NULL`;
// Expired tokens of this grant only clutter the owner's token list. On
// SQLite the index is named: most tokens have no grant (manual, client
// credentials), so once ANALYZE has run SQLite reckons a grant id matches
// every row, and with the value hidden from it (TEXT_PARAM) it scanned the
// table instead (50 ms a refresh on the bench's 202,000 tokens, measured).
// Only an expiry stored as Prisma stores it is compared, as text: one stored
// otherwise (milliseconds, a blank for the "T") sorts apart from the time it
// names, and a live token would go. That matters twice: the bearer check
// keeps token rows across the direct connection's own writes
// (lib/resource/find-bearer-token.ts), and this is the only one of those
// that removes a row; what it removes, the bearer check refuses anyway.
const DELETE_EXPIRED = `DELETE FROM "AccessToken" INDEXED BY "AccessToken_grantId_idx"
  WHERE "grantId" = ${TEXT_PARAM} AND "expiresAt" < ? AND ${sqliteStoredByPrisma("expiresAt")}`;
const PG_DELETE_EXPIRED = `DELETE FROM "AccessToken" WHERE "grantId" = ? AND "expiresAt" < ?`;

const INSERT_REFRESH = `INSERT INTO "RefreshToken" ("id", "tokenHash", "ownerId", "clientId", "grantId", "scope", "audience", "expiresAt", "createdAt")
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** The same delete in one of Prisma's transactions (the grant's path while the direct connection may not write). */
export async function deleteExpiredOfGrant(tx: Prisma.TransactionClient, grantId: string, now: Date): Promise<void> {
  if (config().databaseProvider === "sqlite") await tx.$executeRawUnsafe(DELETE_EXPIRED, grantId, sqliteDate(now));
  else await tx.accessToken.deleteMany({ where: { grantId, expiresAt: { lt: now } } });
}

interface Write {
  /** For pgStatement. */
  name: string;
  /** With `?` parameters, for both databases... */
  sql: string;
  /** ...unless PostgreSQL needs another text. */
  pgSql?: string;
  params: (string | null)[];
}

/** The statements of one rotation after the spend, in order. */
function rotationWrites(spent: Pick<RefreshToken, "grantId">, made: GrantTokens, now: Date): Write[] {
  const access = accessTokenInsert(made.access, now);
  const writes: Write[] = [
    { name: "latch_refresh_delete_expired", sql: DELETE_EXPIRED, pgSql: PG_DELETE_EXPIRED, params: [spent.grantId, sqliteDate(now)] },
    { name: access.name, sql: access.sql, params: access.params },
  ];
  if (made.refresh) {
    const { data } = made.refresh;
    writes.push({
      name: "latch_insert_refresh_token",
      sql: INSERT_REFRESH,
      params: [timeOrderedId(now.getTime()), data.tokenHash, data.ownerId, data.clientId, data.grantId, data.scope, data.audience, sqliteDate(data.expiresAt), sqliteDate(now)],
    });
  }
  return writes;
}

/**
 * Spends the refresh token `spent` and stores the grant's new access and
 * refresh tokens, all or nothing. The answer to send; "spent" when the token
 * was used or revoked meanwhile (a reuse: nothing was written); "busy" when
 * SQLite's direct connection may not write now (nothing was written: take
 * Prisma's path, which waits its turn).
 */
export async function rotateRefreshToken(spent: Pick<RefreshToken, "id" | "grantId">, input: IssueTokensInput, now: Date): Promise<TokenResponse | "spent" | "busy"> {
  const made = grantTokens(input, now.getTime());
  const writes = rotationWrites(spent, made, now);
  if (config().databaseProvider !== "sqlite") return (await rotateOnPostgresql(spent, writes, now)) ? made.body : "spent";
  let claimed = false;
  const committed = sqliteTryTransaction((run) => {
    if (run(SPEND, sqliteDate(now), spent.id) !== 1) return;
    claimed = true;
    for (const write of writes) run(write.sql, ...write.params);
  });
  if (!committed) return "busy";
  return claimed ? made.body : "spent";
}

/** True once committed; false when the token was already spent (nothing written). */
async function rotateOnPostgresql(spent: Pick<RefreshToken, "id">, writes: Write[], now: Date): Promise<boolean> {
  const client = await pgPool().connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    const claimed = await client.query(pgStatement("latch_refresh_spend", SPEND, [sqliteDate(now), spent.id]));
    if (claimed.rowCount !== 1) {
      await client.query("ROLLBACK");
      return false;
    }
    for (const write of writes) await client.query(pgStatement(write.name, write.pgSql ?? write.sql, write.params));
    await client.query("COMMIT");
    return true;
  } catch (error) {
    // A connection whose transaction could not be ended is not given back.
    await client.query("ROLLBACK").catch((rollback: unknown) => (broken = rollback instanceof Error ? rollback : new Error("rollback failed")));
    throw error;
  } finally {
    client.release(broken);
  }
}
