import "server-only";
import type { MaybePromise } from "@/lib/async/maybe-promise";
import { config } from "@/lib/config/env";
import { hashSecret } from "@/lib/crypto/secrets";
import { pgRows } from "@/lib/db/pg-direct";
import { DATA_VERSION_TABLE, TEXT_PARAM } from "@/lib/db/sqlite-direct";
import { sqliteTuple } from "@/lib/db/sqlite-reader";
import { SqliteRowCache } from "@/lib/db/sqlite-row-cache";
import { sharedStoredKeys } from "@/lib/permissions/scopes";

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

// On PostgreSQL one indexed query per request (the unique index on
// tokenHash, then the client's and the owner's primary keys), prepared once
// per pooled connection (lib/db/pg-direct.ts; TEXT_PARAM reads as
// CAST($1 AS TEXT) there): Prisma's `include` would issue a second round
// trip, and this runs on every API and MCP call. On SQLite the statements are
// prepared once on the direct connection (lib/db/sqlite-reader.ts), and
// tokens in use and their clients' columns are kept between requests
// (below). Quoted identifiers read the same on both.
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

/** The row with its times read and its flag a boolean, in place: each row comes from one read. */
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

/** The client's part of a bearer row. */
export type TokenClient = Pick<BearerTokenRow, "clientPublicId" | "clientName" | "clientOwnerId" | "clientDisabled" | "clientPermissions">;

// On SQLite the token and its owner are read in one statement with the data
// version, and the client's columns come from the clients kept by row id:
// 7–9 µs in a loop against 11–13 µs for the joined row, whose client (its
// permission list up to 6 KB, most of an 8 KiB page) was read again for
// every call; with thousands of clients in use those pages crowd the token
// index out of the page cache. None of these columns is one the direct
// connection writes, so its batches of last-use times leave the kept clients
// be.
const TOKEN_COLUMNS = `d."data_version", t."id", t."name", t."ownerId", u."email", t."createdVia", t."grantId", t."scope", t."audience",
         t."expiresAt", t."lastUsedAt", t."createdAt", t."clientId"`;
const TOKEN_FROM = `FROM "AccessToken" t JOIN "User" u ON u."id" = t."ownerId" JOIN ${DATA_VERSION_TABLE} d`;
const CLIENT_OF_TOKEN = `SELECT "clientId", "name", "ownerId", "disabled", "permissions" FROM "OAuthClient" WHERE "id" = ${TEXT_PARAM}`;

const BY_HASH = { sqlite: `SELECT ${TOKEN_COLUMNS} ${TOKEN_FROM} WHERE t."tokenHash" = ${TEXT_PARAM}`, pg: `${WITH_PERMISSIONS} WHERE t."tokenHash" = ${TEXT_PARAM}` };
const BY_ID = { sqlite: `SELECT ${TOKEN_COLUMNS} ${TOKEN_FROM} WHERE t."id" = ${TEXT_PARAM}`, pg: `${WITH_PERMISSIONS} WHERE t."id" = ${TEXT_PARAM}` };

/** A row of the SQLite token statements in raw mode: the columns in their order (see sqliteTuple on why SQLite gives no object here). */
type SqliteTuple = [
  dataVersion: number,
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
];

/**
 * Clients' columns by row id, kept while nothing can have changed them (see
 * lib/db/sqlite-row-cache.ts): a client makes many calls, and an owner with
 * many clients in use keeps one copy of each permission list they share.
 */
const tokenClients = new SqliteRowCache<Readonly<TokenClient>>(4_096, { changedByLocalWrites: false });

function readTokenClient(id: string): Readonly<TokenClient> | null {
  const tuple = sqliteTuple<[string, string, string | null, number | bigint, string]>(CLIENT_OF_TOKEN, id);
  if (!tuple) return null;
  const [clientPublicId, clientName, clientOwnerId, disabled, permissions] = tuple;
  return Object.freeze({ clientPublicId, clientName, clientOwnerId, clientDisabled: Boolean(disabled), clientPermissions: sharedStoredKeys(permissions) });
}

/**
 * SQLite: the columns of a token's client (by row id) as of `dataVersion`,
 * the data version a read of this request gave with the token; null when
 * the client was deleted after that read, and its tokens with it.
 */
export function keptTokenClient(id: string, dataVersion: number): Readonly<TokenClient> | null {
  return tokenClients.get(id, () => readTokenClient(id), dataVersion);
}

/** The token statement's tuple with its client's columns, named; undefined without a token or client. */
function fromSqliteTuple(tuple: SqliteTuple | undefined): RawRow | undefined {
  if (!tuple) return undefined;
  const [dataVersion, id, name, ownerId, ownerEmail, createdVia, grantId, scope, audience, expiresAt, lastUsedAt, createdAt, clientId] = tuple;
  const client = keptTokenClient(clientId, dataVersion);
  if (!client) return undefined;
  return { id, name, ownerId, ownerEmail, createdVia, grantId, scope, audience, expiresAt, lastUsedAt, createdAt, clientId, ...client };
}

/** On SQLite the row at once, not a promise (see MaybePromise on why). */
function findOne(name: string, sql: { sqlite: string; pg: string }, value: string): MaybePromise<BearerTokenRow | null> {
  if (config().databaseProvider === "sqlite") return normalize(fromSqliteTuple(sqliteTuple<SqliteTuple>(sql.sqlite, value)));
  return pgRows<RawRow>(name, sql.pg, [value]).then((rows) => normalize(rows[0]));
}

/**
 * SQLite: whole bearer rows by token hash, kept while nothing can have
 * changed them (lib/db/sqlite-row-cache.ts), so a token in use is not searched
 * for in the token index on every call: on a table of 200,000 tokens those
 * searches touch thousands of pages, and cost 8–13 µs of CPU a request more
 * than on a table of 1,000 (measured with the bench). The direct connection's
 * own writes to these rows are left out on purpose:
 * - it writes last-use times, which a kept row may hold older than stored;
 *   the bearer check uses that time only to skip writing it again, and the
 *   usage recorder skips a token it queued within the same minute anyway;
 * - it deletes a refresh grant's expired access tokens, which the bearer
 *   check refuses by their expiry whether kept or not.
 * Every other change (revoking, deleting, a new expiry or scope, a client's
 * permissions or state) comes from Prisma's connection or another process,
 * and reads again. A kept row is shared by the requests that find it: it is
 * frozen, and its callers share its Dates and never change them. A miss
 * costs the pragma on top of the read (1–2 µs).
 */
const tokensByHash = new SqliteRowCache<Readonly<BearerTokenRow>>(8_192, { changedByLocalWrites: false });

function readTokenByHash(hash: string): Readonly<BearerTokenRow> | null {
  const row = normalize(fromSqliteTuple(sqliteTuple<SqliteTuple>(BY_HASH.sqlite, hash)));
  return row && Object.freeze(row);
}

/** The token whose SHA-256 hash matches the presented value, or null. */
export function findBearerToken(token: string): MaybePromise<Readonly<BearerTokenRow> | null> {
  const hash = hashSecret(token);
  if (config().databaseProvider === "sqlite") return tokensByHash.get(hash, () => readTokenByHash(hash));
  return findOne("latch_bearer_by_hash", BY_HASH, hash);
}

/** The same row by token id: the live re-check before an MCP tool acts. */
export function findBearerTokenById(id: string): MaybePromise<BearerTokenRow | null> {
  return findOne("latch_bearer_by_id", BY_ID, id);
}
