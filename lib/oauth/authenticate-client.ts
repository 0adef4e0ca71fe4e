import "server-only";
import type { OAuthClient } from "@prisma/client";
import { isPromise, type MaybePromise } from "@/lib/async/maybe-promise";
import { config } from "@/lib/config/env";
import { digestEqual, hashSecret } from "@/lib/crypto/secrets";
import { pgRows } from "@/lib/db/pg-direct";
import { db } from "@/lib/db/prisma";
import { TEXT_PARAM } from "@/lib/db/sqlite-direct";
import { sqliteGet, sqliteTime, type SqliteStored } from "@/lib/db/sqlite-reader";
import { SqliteRowCache } from "@/lib/db/sqlite-row-cache";
import { isPlausibleClientId } from "@/lib/oauth/client-id";
import { isMetadataDocumentUrl } from "@/lib/oauth/client-metadata-document";
import { OAuthError } from "@/lib/oauth/oauth-error";

export type ClientAuthMethod = "client_secret_basic" | "client_secret_post" | "none";

export interface AuthenticatedClient {
  client: OAuthClient;
  method: ClientAuthMethod;
}

const BASIC_CHALLENGE = { "WWW-Authenticate": 'Basic realm="Latch", charset="UTF-8"' };

interface Presented {
  clientId: string | null;
  secret: string | null;
  method: ClientAuthMethod;
}

function fail(description: string, basic: boolean): never {
  throw new OAuthError("invalid_client", description, basic ? BASIC_CHALLENGE : {});
}

/** RFC 6749 §2.3.1: Basic credentials are form-urlencoded before base64. */
function formUrlDecode(value: string): string | null {
  try {
    return decodeURIComponent(value.replace(/\+/g, " "));
  } catch {
    return null;
  }
}

function parseBasic(header: string): { clientId: string; secret: string } | null {
  const match = /^Basic +([A-Za-z0-9+/=_-]+) *$/i.exec(header);
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return null;
  const clientId = formUrlDecode(decoded.slice(0, colon));
  const secret = formUrlDecode(decoded.slice(colon + 1));
  if (!clientId || secret === null) return null;
  return { clientId, secret };
}

function presentedCredentials(authorization: string | null, params: URLSearchParams): Presented {
  const bodyId = params.get("client_id");
  const bodySecret = params.get("client_secret");
  if (authorization && /^Basic /i.test(authorization)) {
    const basic = parseBasic(authorization);
    if (!basic) fail("The Basic credentials could not be read.", true);
    if (bodySecret !== null) {
      throw new OAuthError("invalid_request", "Use one client authentication method, not both Basic and client_secret.");
    }
    if (bodyId !== null && bodyId !== basic.clientId) fail("The client_id does not match the Basic credentials.", true);
    return { clientId: basic.clientId, secret: basic.secret, method: "client_secret_basic" };
  }
  if (bodySecret !== null) return { clientId: bodyId, secret: bodySecret, method: "client_secret_post" };
  return { clientId: bodyId, secret: null, method: "none" };
}

function secretMatches(client: OAuthClient, secret: string, now: Date): boolean {
  const presented = hashSecret(secret);
  // Both comparisons always run, so timing does not tell which one matched.
  const current = digestEqual(presented, client.secretHash ?? "");
  const previousValid = Boolean(client.previousSecretHash && client.previousSecretExpiresAt && client.previousSecretExpiresAt > now);
  const previous = digestEqual(presented, client.previousSecretHash ?? "");
  return Boolean(client.secretHash) && (current || (previousValid && previous));
}

/** A row as read raw from SQLite, typed as Prisma would give it. */
function clientFromSqlite(raw: SqliteStored<OAuthClient>): OAuthClient {
  return {
    ...raw,
    disabled: Boolean(raw.disabled),
    previousSecretExpiresAt: sqliteTime(raw.previousSecretExpiresAt),
    secretRotatedAt: sqliteTime(raw.secretRotatedAt),
    metadataFetchedAt: sqliteTime(raw.metadataFetchedAt),
    createdAt: sqliteTime(raw.createdAt),
    updatedAt: sqliteTime(raw.updatedAt),
    lastUsedAt: sqliteTime(raw.lastUsedAt),
  };
}

/** Every column of OAuthClient, named: see pgStatement on why not `*`. */
const CLIENT_COLUMNS = [
  "id", "clientId", "ownerId", "name", "description", "type", "registration", "tokenEndpointAuthMethod", "redirectUris",
  "permissions", "disabled", "secretHash", "secretEncrypted", "secretLast4", "previousSecretHash", "previousSecretExpiresAt",
  "secretRotatedAt", "metadata", "metadataFetchedAt", "createdAt", "updatedAt", "lastUsedAt",
] as const satisfies readonly (keyof OAuthClient)[];
/** Fails to compile when OAuthClient gains a column the list lacks. */
const everyClientColumn: Exclude<keyof OAuthClient, (typeof CLIENT_COLUMNS)[number]> extends never ? true : never = true;
void everyClientColumn;
const CLIENT_BY_CLIENT_ID = `SELECT ${CLIENT_COLUMNS.map((c) => `"${c}"`).join(", ")} FROM "OAuthClient" WHERE "clientId" = ${TEXT_PARAM} LIMIT 1`;

/**
 * Client rows as last read, kept while nothing can have changed them (see
 * lib/db/sqlite-row-cache.ts): most token and introspection requests come
 * from a few clients. Shared between requests, so frozen.
 */
const clientRows = new SqliteRowCache<Readonly<OAuthClient>>(512);

/** The one row of a Latch-issued client_id (every token, revoke and introspect request asks). */
function findClientById(clientId: string, dataVersion: number | undefined): MaybePromise<OAuthClient | null> {
  if (config().databaseProvider === "sqlite") {
    // A prepared statement on the direct connection (see lib/db/sqlite-direct.ts).
    return clientRows.get(
      clientId,
      () => {
        const raw = sqliteGet<SqliteStored<OAuthClient>>(CLIENT_BY_CLIENT_ID, clientId);
        return raw ? Object.freeze(clientFromSqlite(raw)) : null;
      },
      dataVersion,
    );
  }
  // PostgreSQL: a statement prepared once per pooled connection (lib/db/pg-direct.ts).
  return pgRows<OAuthClient>("latch_client_by_client_id", CLIENT_BY_CLIENT_ID, [clientId]).then(([row]) => row ?? null);
}

async function findMetadataDocumentClient(clientId: string, issuedTo: () => Promise<string | null>): Promise<OAuthClient | null> {
  const rowId = await issuedTo();
  const issued = rowId === null ? null : await db().oAuthClient.findFirst({ where: { id: rowId, clientId } });
  // Without a matching code or token any row of the URL will do: the grant refuses it anyway.
  return issued ?? (await db().oAuthClient.findFirst({ where: { clientId }, orderBy: { createdAt: "asc" } }));
}

function findClientRow(clientId: string, { issuedTo = async () => null, dataVersion }: ClientLookup): MaybePromise<OAuthClient | null> {
  return isMetadataDocumentUrl(clientId) ? findMetadataDocumentClient(clientId, issuedTo) : findClientById(clientId, dataVersion);
}

export interface ClientLookup {
  /** For a metadata-document client_id: the row id the presented code or token was issued to. */
  issuedTo?: () => Promise<string | null>;
  /**
   * SQLite: the direct connection's data version as this request's own read
   * saw it, so the kept client row is checked without a statement of its own
   * (see SqliteRowCache.get).
   */
  dataVersion?: number;
}

/**
 * Authenticates the client of a token, revocation or introspection request:
 * client_secret_basic, client_secret_post, or none (public clients only).
 * Secrets are compared by SHA-256 hash in constant time; during a rotation's
 * grace period the previous secret is accepted too.
 *
 * A metadata-document client_id (a URL shared by every user of the app) has
 * one row per owner that connected it; the row is the one the presented code
 * or token was issued to (`issuedTo`, asked only then), and it must carry the
 * presented client_id.
 */
export function authenticateClient(authorization: string | null, params: URLSearchParams, lookup: ClientLookup = {}): MaybePromise<AuthenticatedClient> {
  const presented = presentedCredentials(authorization, params);
  const basic = presented.method === "client_secret_basic";
  if (!presented.clientId) fail("Client authentication is required: send client_id (and the secret for a confidential client).", basic);
  if (!isPlausibleClientId(presented.clientId)) fail("Unknown client.", basic);

  const found = findClientRow(presented.clientId, lookup);
  // On SQLite the row is at hand: no promise (see lib/async/maybe-promise.ts).
  return isPromise(found) ? found.then((client) => checkSecret(client, presented)) : checkSecret(found, presented);
}

function checkSecret(client: OAuthClient | null, presented: Presented): AuthenticatedClient {
  const basic = presented.method === "client_secret_basic";
  if (!client) {
    if (presented.secret !== null) digestEqual(hashSecret(presented.secret), "");
    fail("Unknown client.", basic);
  }
  if (presented.secret === null) {
    if (client.secretHash) fail("This client is confidential: authenticate with its client secret.", basic);
  } else if (!secretMatches(client, presented.secret, new Date())) {
    fail(client.secretHash ? "The client secret is wrong." : "This is a public client: it has no secret; authenticate with client_id only.", basic);
  }
  if (client.disabled) fail("This client is disabled.", basic);
  return { client, method: presented.method };
}
