import "server-only";
import type { MaybePromise } from "@/lib/async/maybe-promise";
import { config } from "@/lib/config/env";
import { hashSecret } from "@/lib/crypto/secrets";
import { pgRows } from "@/lib/db/pg-direct";
import { TEXT_PARAM } from "@/lib/db/sqlite-direct";
import { sqliteTuple } from "@/lib/db/sqlite-reader";

/** An access token joined with its client, as stored; no checks applied yet. */
export interface BearerTokenRow {
  id: string;
  name: string;
  ownerId: string;
  /** The owner's sign-in email, for "who am I" without a second query. */
  ownerEmail: string;
  createdVia: string;
  grantId: string | null;
  scope: string | null;
  audience: string | null;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  createdAt: Date;
  clientId: string;
  clientPublicId: string;
  clientName: string;
  clientOwnerId: string | null;
  clientDisabled: boolean;
  clientPermissions: string;
}

interface RawRow extends Omit<BearerTokenRow, "expiresAt" | "lastUsedAt" | "createdAt" | "clientDisabled"> {
  expiresAt: Date | string | number | null;
  lastUsedAt: Date | string | number | null;
  createdAt: Date | string | number;
  clientDisabled: boolean | number | bigint;
}

// One indexed query per request (the unique index on tokenHash, then the
// client's and the owner's primary keys). Prisma's `include` would issue a
// second round trip, and this runs on every API and MCP call. Quoted
// identifiers read the same on SQLite and PostgreSQL. On SQLite the statement
// is prepared once on the direct connection (lib/db/sqlite-reader.ts); on
// PostgreSQL, once per pooled connection (lib/db/pg-direct.ts; TEXT_PARAM
// reads as CAST($1 AS TEXT) there).
const COLUMNS = `t."id", t."name", t."ownerId", u."email" AS "ownerEmail", t."createdVia", t."grantId", t."scope", t."audience",
         t."expiresAt", t."lastUsedAt", t."createdAt", t."clientId",
         c."clientId" AS "clientPublicId", c."name" AS "clientName",
         c."ownerId" AS "clientOwnerId", c."disabled" AS "clientDisabled"`;
const FROM = `FROM "AccessToken" t
  JOIN "OAuthClient" c ON c."id" = t."clientId"
  JOIN "User" u ON u."id" = t."ownerId"`;

function toDate(value: Date | string | number | null): Date | null {
  if (value === null) return null;
  return value instanceof Date ? value : new Date(value);
}

/**
 * A token's stored expiry as a Date (null: none), or undefined when it
 * cannot be read (written by hand): such a token never passes.
 */
export function storedExpiry(value: Date | string | number | null): Date | null | undefined {
  const expiresAt = toDate(value);
  return expiresAt !== null && Number.isNaN(expiresAt.getTime()) ? undefined : expiresAt;
}

/** The row with its times read and its flag a boolean, in place: each row is read for one request. */
function normalize(row: RawRow | undefined): BearerTokenRow | null {
  if (!row) return null;
  const expiresAt = storedExpiry(row.expiresAt);
  if (expiresAt === undefined) return null;
  row.expiresAt = expiresAt;
  row.lastUsedAt = toDate(row.lastUsedAt);
  row.createdAt = toDate(row.createdAt)!;
  row.clientDisabled = Boolean(row.clientDisabled);
  return row as BearerTokenRow;
}

const WITH_PERMISSIONS = `SELECT ${COLUMNS}, c."permissions" AS "clientPermissions" ${FROM}`;
const BY_HASH = `${WITH_PERMISSIONS} WHERE t."tokenHash" = ${TEXT_PARAM}`;
const BY_ID = `${WITH_PERMISSIONS} WHERE t."id" = ${TEXT_PARAM}`;

/** A row of WITH_PERMISSIONS as SQLite gives it in raw mode: the columns in their order. */
type SqliteTuple = [
  id: string,
  name: string,
  ownerId: string,
  ownerEmail: string,
  createdVia: string,
  grantId: string | null,
  scope: string | null,
  audience: string | null,
  expiresAt: string | number | null,
  lastUsedAt: string | number | null,
  createdAt: string | number,
  clientId: string,
  clientPublicId: string,
  clientName: string,
  clientOwnerId: string | null,
  clientDisabled: number | bigint,
  clientPermissions: string,
];

/** A tuple of WITH_PERMISSIONS named (see sqliteTuple on why SQLite gives no object here). */
function fromSqliteTuple(tuple: SqliteTuple | undefined): RawRow | undefined {
  if (!tuple) return undefined;
  const [id, name, ownerId, ownerEmail, createdVia, grantId, scope, audience, expiresAt, lastUsedAt, createdAt, clientId, clientPublicId, clientName, clientOwnerId, clientDisabled, clientPermissions] =
    tuple;
  return { id, name, ownerId, ownerEmail, createdVia, grantId, scope, audience, expiresAt, lastUsedAt, createdAt, clientId, clientPublicId, clientName, clientOwnerId, clientDisabled, clientPermissions };
}

/** On SQLite the row at once, not a promise (see MaybePromise on why). */
function findOne(name: string, sql: string, value: string): MaybePromise<BearerTokenRow | null> {
  if (config().databaseProvider === "sqlite") return normalize(fromSqliteTuple(sqliteTuple<SqliteTuple>(sql, value)));
  return pgRows<RawRow>(name, sql, [value]).then((rows) => normalize(rows[0]));
}

/** The token whose SHA-256 hash matches the presented value, or null. */
export function findBearerToken(token: string): MaybePromise<BearerTokenRow | null> {
  return findOne("latch_bearer_by_hash", BY_HASH, hashSecret(token));
}

/** The same row by token id: the live re-check before an MCP tool acts. */
export function findBearerTokenById(id: string): MaybePromise<BearerTokenRow | null> {
  return findOne("latch_bearer_by_id", BY_ID, id);
}
