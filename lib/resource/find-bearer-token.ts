import "server-only";
import { Prisma } from "@prisma/client";
import { hashSecret } from "@/lib/crypto/secrets";
import { db } from "@/lib/db/prisma";

/** An access token joined with its client, as stored; no checks applied yet. */
export interface BearerTokenRow {
  id: string;
  name: string;
  ownerId: string;
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
// client's primary key). Prisma's `include` would issue a second round trip,
// and this runs on every API and MCP call. Quoted identifiers and positional
// parameters read the same on SQLite and PostgreSQL.
const SELECT = Prisma.sql`
  SELECT t."id", t."name", t."ownerId", t."createdVia", t."grantId", t."scope", t."audience",
         t."expiresAt", t."lastUsedAt", t."createdAt", t."clientId",
         c."clientId" AS "clientPublicId", c."name" AS "clientName",
         c."ownerId" AS "clientOwnerId", c."disabled" AS "clientDisabled",
         c."permissions" AS "clientPermissions"
  FROM "AccessToken" t
  JOIN "OAuthClient" c ON c."id" = t."clientId"`;

function toDate(value: Date | string | number | null): Date | null {
  if (value === null) return null;
  return value instanceof Date ? value : new Date(value);
}

function normalize(row: RawRow | undefined): BearerTokenRow | null {
  if (!row) return null;
  return {
    ...row,
    expiresAt: toDate(row.expiresAt),
    lastUsedAt: toDate(row.lastUsedAt),
    createdAt: toDate(row.createdAt)!,
    clientDisabled: Boolean(row.clientDisabled),
  };
}

/** The token whose SHA-256 hash matches the presented value, or null. */
export async function findBearerToken(token: string): Promise<BearerTokenRow | null> {
  const rows = await db().$queryRaw<RawRow[]>`${SELECT} WHERE t."tokenHash" = ${hashSecret(token)}`;
  return normalize(rows[0]);
}

/** The same row by token id: the live re-check before an MCP tool acts. */
export async function findBearerTokenById(id: string): Promise<BearerTokenRow | null> {
  const rows = await db().$queryRaw<RawRow[]>`${SELECT} WHERE t."id" = ${id}`;
  return normalize(rows[0]);
}
