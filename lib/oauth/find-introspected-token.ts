import "server-only";
import type { OAuthClient } from "@prisma/client";
import type { MaybePromise } from "@/lib/async/maybe-promise";
import { config } from "@/lib/config/env";
import { hashSecret, secretKindOf } from "@/lib/crypto/secrets";
import { db } from "@/lib/db/prisma";
import { DATA_VERSION_TABLE, TEXT_PARAM } from "@/lib/db/sqlite-direct";
import { sqliteTime, sqliteTuple } from "@/lib/db/sqlite-reader";
import { findBearerToken, keptTokenClient, storedExpiry } from "@/lib/resource/find-bearer-token";

/** A token as introspection describes it, before the checks that make it active. */
export interface IntrospectedToken {
  ownerId: string;
  client: Pick<OAuthClient, "clientId" | "permissions" | "disabled">;
  scope: string | null;
  audience: string | null;
  createdAt: Date;
  expiresAt: Date | null;
  tokenType: "Bearer" | "refresh_token";
}

type Stored = string | number | null;
/** The data version, then the token's columns: all null when no token has the hash. */
type EarlyRow = [dataVersion: number, ownerId: string | null, clientId: string | null, scope: string | null, audience: string | null, expiresAt: Stored, createdAt: Stored];

// The token's own row alone: its client is the asking client (whose row the
// request holds) or read after, and no owner's email is needed here.
const ACCESS_TOKEN_AND_DATA_VERSION = `SELECT d."data_version", t."ownerId", t."clientId", t."scope", t."audience", t."expiresAt", t."createdAt"
  FROM ${DATA_VERSION_TABLE} d LEFT JOIN "AccessToken" t ON t."tokenHash" = ${TEXT_PARAM}`;

/** An access token as read on SQLite before its asker was authenticated. */
export interface EarlyRead {
  /** The direct connection's data version in the read that found (or missed) the token. */
  dataVersion: number;
  row: EarlyRow;
}

/**
 * On SQLite an access token is read before the asking client is
 * authenticated, in one statement with the data version that client's kept
 * row is then checked against: one statement for the request instead of two
 * (see DATA_VERSION_TABLE). Nothing read is used, or converted, unless the
 * client authenticates. Null on PostgreSQL and for anything but an access
 * token: findIntrospectedToken reads those after.
 */
export function readAccessTokenEarly(token: string | null): EarlyRead | null {
  if (token === null || config().databaseProvider !== "sqlite" || secretKindOf(token) !== "access_token") return null;
  // The pragma's one row makes this statement give a row whether or not the token exists.
  const row = sqliteTuple<EarlyRow>(ACCESS_TOKEN_AND_DATA_VERSION, hashSecret(token))!;
  return { dataVersion: row[0], row };
}

function fromEarlyRow([dataVersion, ownerId, clientId, scope, audience, stored, createdAt]: EarlyRow, asking: OAuthClient): IntrospectedToken | null {
  if (ownerId === null || clientId === null || createdAt === null) return null;
  let client: IntrospectedToken["client"] | null = asking.id === clientId ? asking : null;
  if (!client) {
    // Another client's token: its client as the bearer check keeps it.
    const other = keptTokenClient(clientId, dataVersion);
    if (!other) return null;
    client = { clientId: other.clientPublicId, permissions: other.clientPermissions, disabled: other.clientDisabled };
  }
  const expiresAt = storedExpiry(stored);
  if (expiresAt === undefined) return null;
  return { ownerId, client, scope, audience, createdAt: sqliteTime(createdAt), expiresAt, tokenType: "Bearer" };
}

/**
 * The presented token, whichever kind, or null when it is not one of ours;
 * at once when it was read early. An access token of the asking client takes
 * its client's permissions from `asking`, the row the request authenticated.
 */
export function findIntrospectedToken(token: string, asking: OAuthClient, early: EarlyRead | null): MaybePromise<IntrospectedToken | null> {
  return early ? fromEarlyRow(early.row, asking) : findAfterClient(token);
}

async function findAfterClient(token: string): Promise<IntrospectedToken | null> {
  const kind = secretKindOf(token);
  if (kind === "access_token") {
    // The bearer check's own lookup: the token with its client and owner.
    const row = await findBearerToken(token);
    return (
      row && {
        ...row,
        client: { clientId: row.clientPublicId, permissions: row.clientPermissions, disabled: row.clientDisabled },
        tokenType: "Bearer",
      }
    );
  }
  if (kind === "refresh_token") {
    const row = await db().refreshToken.findUnique({
      where: { tokenHash: hashSecret(token) },
      include: { client: { select: { clientId: true, permissions: true, disabled: true } } },
    });
    if (!row || row.usedAt || row.revokedAt) return null;
    return { ...row, tokenType: "refresh_token" };
  }
  return null;
}
