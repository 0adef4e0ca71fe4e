import "server-only";
import type { OAuthClient } from "@prisma/client";
import { config } from "@/lib/config/env";
import { hashSecret } from "@/lib/crypto/secrets";
import { pgRows } from "@/lib/db/pg-direct";
import { TEXT_PARAM } from "@/lib/db/sqlite-direct";
import { sqliteGet } from "@/lib/db/sqlite-reader";

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
// client's and the owner's primary keys; introspection of another client's
// token reads that client's permissions in a second one). Prisma's `include` would issue a
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

function normalize(row: RawRow | undefined): BearerTokenRow | null {
  if (!row) return null;
  const expiresAt = toDate(row.expiresAt);
  // An expiry that cannot be read (written by hand) never lets a token through.
  if (expiresAt !== null && Number.isNaN(expiresAt.getTime())) return null;
  return {
    ...row,
    expiresAt,
    lastUsedAt: toDate(row.lastUsedAt),
    createdAt: toDate(row.createdAt)!,
    clientDisabled: Boolean(row.clientDisabled),
  };
}

const WITH_PERMISSIONS = `SELECT ${COLUMNS}, c."permissions" AS "clientPermissions" ${FROM}`;
const BY_HASH = `${WITH_PERMISSIONS} WHERE t."tokenHash" = ${TEXT_PARAM}`;
const BY_ID = `${WITH_PERMISSIONS} WHERE t."id" = ${TEXT_PARAM}`;
const BY_HASH_WITHOUT_PERMISSIONS = `SELECT ${COLUMNS} ${FROM} WHERE t."tokenHash" = ${TEXT_PARAM}`;
const CLIENT_PERMISSIONS = `SELECT "permissions" FROM "OAuthClient" WHERE "id" = ${TEXT_PARAM}`;

async function findOne(name: string, sql: string, value: string): Promise<BearerTokenRow | null> {
  if (config().databaseProvider === "sqlite") return normalize(sqliteGet<RawRow>(sql, value));
  const rows = await pgRows<RawRow>(name, sql, [value]);
  return normalize(rows[0]);
}

/** A client row the caller holds, read during this request (an introspection request's authenticated client). */
export type KnownClient = Readonly<Pick<OAuthClient, "id" | "permissions">>;

/**
 * The token whose SHA-256 hash matches the presented value, or null. With
 * `known`, a token of that client takes its permissions from that row: on
 * SQLite the lookup then leaves out the client's 6 KB permission list (about
 * 10 µs of a 25 µs lookup in a loop, measured), and effectivePermissionsOf
 * gets the same string object from request to request.
 */
export async function findBearerToken(token: string, known?: KnownClient): Promise<BearerTokenRow | null> {
  if (known === undefined || config().databaseProvider !== "sqlite") return findOne("latch_bearer_by_hash", BY_HASH, hashSecret(token));
  const row = sqliteGet<Omit<RawRow, "clientPermissions">>(BY_HASH_WITHOUT_PERMISSIONS, hashSecret(token));
  if (!row) return null;
  const permissions = row.clientId === known.id ? known.permissions : sqliteGet<{ permissions: string }>(CLIENT_PERMISSIONS, row.clientId)?.permissions;
  // Undefined: the client was deleted after the token was read, and its tokens with it.
  return permissions === undefined ? null : normalize({ ...row, clientPermissions: permissions });
}

/** The same row by token id: the live re-check before an MCP tool acts. */
export async function findBearerTokenById(id: string): Promise<BearerTokenRow | null> {
  return findOne("latch_bearer_by_id", BY_ID, id);
}
