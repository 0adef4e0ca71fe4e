import "server-only";
import type { RefreshToken } from "@prisma/client";
import { TEXT_PARAM } from "@/lib/db/sqlite-direct";
import { sqliteDate, sqliteGet } from "@/lib/db/sqlite-reader";
import { sqliteTryTransaction, timeOrderedId } from "@/lib/db/sqlite-writer";
import { grantTokens, type IssueTokensInput, type TokenResponse } from "@/lib/oauth/issue-tokens";
import { accessTokenInsert } from "@/lib/tokens/mint-access-token";

// The refresh grant's reads and writes on SQLite, as prepared statements on
// the direct connection (lib/db/sqlite-direct.ts). Through Prisma a refresh
// was a read and an interactive transaction of four compiled queries: about
// 7 ms of CPU a request, and every refresh queued behind the round trips of
// the one before. Here the token is spent and the new pair stored in one
// synchronous BEGIN IMMEDIATE transaction: nothing else in this process runs
// in between, and another process finds the lock taken, so of requests racing
// with one token exactly one wins, as on the Prisma path.

type Stored<T> = { [K in keyof T]: T[K] extends Date ? string | number : T[K] extends Date | null ? string | number | null : T[K] };

const date = (value: string | number) => new Date(value);

const BY_HASH = `SELECT * FROM "RefreshToken" WHERE "tokenHash" = ${TEXT_PARAM}`;

/** The refresh token stored under this hash, as Prisma would read it, or null. */
export function findRefreshTokenOnSqlite(tokenHash: string): RefreshToken | null {
  const raw = sqliteGet<Stored<RefreshToken>>(BY_HASH, tokenHash);
  if (!raw) return null;
  return {
    ...raw,
    expiresAt: date(raw.expiresAt),
    usedAt: raw.usedAt === null ? null : date(raw.usedAt),
    revokedAt: raw.revokedAt === null ? null : date(raw.revokedAt),
    createdAt: date(raw.createdAt),
  };
}

const SPEND = `UPDATE "RefreshToken" SET "usedAt" = ? WHERE "id" = ${TEXT_PARAM} AND "usedAt" IS NULL AND "revokedAt" IS NULL`;
// Expired tokens of this grant only clutter the owner's token list. Named
// index: most tokens have no grant (manual, client credentials), so once
// ANALYZE has run SQLite reckons a grant id matches every row, and with the
// value hidden from it (TEXT_PARAM) it scanned the table instead (50 ms a
// refresh on the bench's 202,000 tokens, measured).
const DELETE_EXPIRED = `DELETE FROM "AccessToken" INDEXED BY "AccessToken_grantId_idx" WHERE "grantId" = ${TEXT_PARAM} AND "expiresAt" < ?`;
const INSERT_REFRESH = `INSERT INTO "RefreshToken" ("id", "tokenHash", "ownerId", "clientId", "grantId", "scope", "audience", "expiresAt", "createdAt")
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/**
 * Spends the refresh token `spent` and stores the grant's new access and
 * refresh tokens, all or nothing. The answer to send; "spent" when the token
 * was used or revoked meanwhile (a reuse: nothing was written); "busy" when
 * the direct connection may not write now (nothing was written: take the
 * Prisma path).
 */
export function rotateRefreshTokenOnSqlite(spent: Pick<RefreshToken, "id" | "grantId">, input: IssueTokensInput, now: Date): TokenResponse | "spent" | "busy" {
  const made = grantTokens(input, now.getTime());
  const access = accessTokenInsert(made.access, now);
  let claimed = false;
  const committed = sqliteTryTransaction((run) => {
    if (run(SPEND, sqliteDate(now), spent.id) !== 1) return;
    claimed = true;
    run(DELETE_EXPIRED, spent.grantId, sqliteDate(now));
    run(access.sql, ...access.params);
    if (made.refresh) {
      const { data } = made.refresh;
      run(INSERT_REFRESH, timeOrderedId(now.getTime()), data.tokenHash, data.ownerId, data.clientId, data.grantId,
        data.scope, data.audience, sqliteDate(data.expiresAt), sqliteDate(now));
    }
  });
  if (!committed) return "busy";
  return claimed ? made.body : "spent";
}
