import "server-only";
import type { Prisma } from "@prisma/client";
import { config } from "@/lib/config/env";
import { encryptSecret } from "@/lib/crypto/encryption";
import { displayParts, generateSecret, hashSecret } from "@/lib/crypto/secrets";
import { db } from "@/lib/db/prisma";
import { pgRows } from "@/lib/db/pg-direct";
import { sqliteDate } from "@/lib/db/sqlite-reader";
import { sqliteInsertWithOthers, timeOrderedId } from "@/lib/db/sqlite-writer";
import type { CreatedVia } from "@/lib/tokens/token-kinds";

export interface MintAccessTokenInput {
  ownerId: string;
  /** OAuthClient.id (the row id, not the public client_id). */
  clientId: string;
  name: string;
  createdVia: CreatedVia;
  expiresAt: Date | null;
  scope?: string | null;
  audience?: string | null;
  grantId?: string | null;
}

export interface MintedAccessToken {
  /** The plaintext token: return it to whoever asked, never log or store it. */
  token: string;
  id: string;
  expiresAt: Date | null;
  createdAt: Date;
}

type Writer = Pick<Prisma.TransactionClient, "accessToken">;

/** An access token made but not yet stored: the plaintext and the row that stores it by hash. */
export interface AccessTokenRow {
  token: string;
  data: {
    tokenHash: string;
    encrypted: string;
    prefix: string;
    last4: string;
    name: string;
    ownerId: string;
    clientId: string;
    createdVia: CreatedVia;
    scope: string | null;
    audience: string | null;
    grantId: string | null;
    expiresAt: Date | null;
  };
}

/**
 * Makes an access token: 256 random bits with a readable prefix, stored by
 * SHA-256 hash for lookup, plus an AES-256-GCM copy (bound to that hash) so the
 * owner can view it again.
 */
export function accessTokenRow(input: MintAccessTokenInput): AccessTokenRow {
  const token = generateSecret("access_token");
  const tokenHash = hashSecret(token);
  const { prefix, last4 } = displayParts(token);
  return {
    token,
    data: {
      tokenHash,
      encrypted: encryptSecret(token, config().keyring, tokenHash),
      prefix,
      last4,
      name: input.name,
      ownerId: input.ownerId,
      clientId: input.clientId,
      createdVia: input.createdVia,
      scope: input.scope ?? null,
      audience: input.audience ?? null,
      grantId: input.grantId ?? null,
      expiresAt: input.expiresAt,
    },
  };
}

const INSERT = `INSERT INTO "AccessToken" ("id", "tokenHash", "encrypted", "prefix", "last4", "name", "ownerId", "clientId", "createdVia", "scope", "audience", "grantId", "expiresAt", "createdAt")
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/**
 * The row as one INSERT outside Prisma (the same SQL and parameters on
 * SQLite and PostgreSQL; `name` for pgStatement), with the id and creation
 * time Prisma would give it.
 */
export function accessTokenInsert({ data }: AccessTokenRow, createdAt: Date): { id: string; name: string; sql: string; params: (string | null)[] } {
  const id = timeOrderedId(createdAt.getTime());
  return {
    id,
    name: "latch_insert_access_token",
    sql: INSERT,
    params: [
      id, data.tokenHash, data.encrypted, data.prefix, data.last4, data.name, data.ownerId, data.clientId, data.createdVia,
      data.scope, data.audience, data.grantId, data.expiresAt ? sqliteDate(data.expiresAt) : null, sqliteDate(createdAt),
    ],
  };
}

/**
 * Creates an access token (see accessTokenRow), for manual tokens and every
 * OAuth grant alike. accessTokenRow is the one place tokens are made; a
 * refresh stores its row inside its own transaction (lib/oauth/refresh-token-store.ts).
 */
export async function mintAccessToken(input: MintAccessTokenInput, client: Writer = db()): Promise<MintedAccessToken> {
  return storeAccessToken(accessTokenRow(input), client);
}

/**
 * Stores a token made by accessTokenRow: with `client`, inside that
 * transaction of the caller's, through Prisma; without, as a prepared insert
 * of Latch's own (the direct SQLite connection, or PostgreSQL's pool).
 */
export async function storeAccessToken(made: AccessTokenRow, client: Writer = db()): Promise<MintedAccessToken> {
  const { token, data } = made;
  const select = { id: true, expiresAt: true, createdAt: true } as const;
  if (client !== db()) {
    const row = await client.accessToken.create({ data, select });
    return { token, ...row };
  }
  // Outside any transaction: a prepared insert (Prisma compiles every query,
  // which dominated the token endpoint).
  const createdAt = new Date();
  const insert = accessTokenInsert(made, createdAt);
  if (config().databaseProvider !== "sqlite") {
    await pgRows(insert.name, insert.sql, insert.params);
    return { token, id: insert.id, expiresAt: data.expiresAt, createdAt };
  }
  // On SQLite, committed with the other tokens issued in this turn of the event loop.
  const inserted = await sqliteInsertWithOthers(insert.sql, ...insert.params);
  if (inserted) return { token, id: insert.id, expiresAt: data.expiresAt, createdAt };
  // Busy: through Prisma, in a transaction of its own. Prisma's one SQLite
  // connection may be inside another request's transaction right now; a plain
  // insert would join it (and vanish if it rolled back), this one waits.
  const row = await db().$transaction((tx) => tx.accessToken.create({ data, select }));
  return { token, ...row };
}
