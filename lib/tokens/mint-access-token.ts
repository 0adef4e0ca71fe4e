import "server-only";
import type { Prisma } from "@prisma/client";
import { config } from "@/lib/config/env";
import { encryptSecret } from "@/lib/crypto/encryption";
import { displayParts, generateSecret, hashSecret } from "@/lib/crypto/secrets";
import { db } from "@/lib/db/prisma";
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

/**
 * Creates an access token: 256 random bits with a readable prefix, stored by
 * SHA-256 hash for lookup, plus an AES-256-GCM copy (bound to that hash) so the
 * owner can view it again. The one place tokens are made, for manual tokens
 * and every OAuth grant alike.
 */
export async function mintAccessToken(input: MintAccessTokenInput, client: Writer = db()): Promise<MintedAccessToken> {
  const token = generateSecret("access_token");
  const tokenHash = hashSecret(token);
  const { prefix, last4 } = displayParts(token);
  const data = {
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
  };
  const select = { id: true, expiresAt: true, createdAt: true } as const;
  if (client !== db() || config().databaseProvider !== "sqlite") {
    const row = await client.accessToken.create({ data, select });
    return { token, ...row };
  }
  // SQLite, outside the caller's transaction: a prepared insert, committed
  // with the other tokens issued in this turn of the event loop (Prisma
  // compiles every query, which dominated the token endpoint).
  const createdAt = new Date();
  const id = timeOrderedId(createdAt.getTime());
  const inserted = await sqliteInsertWithOthers(
    `INSERT INTO "AccessToken" ("id", "tokenHash", "encrypted", "prefix", "last4", "name", "ownerId", "clientId", "createdVia", "scope", "audience", "grantId", "expiresAt", "createdAt")
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    id, data.tokenHash, data.encrypted, data.prefix, data.last4, data.name, data.ownerId, data.clientId, data.createdVia,
    data.scope, data.audience, data.grantId, data.expiresAt ? sqliteDate(data.expiresAt) : null, sqliteDate(createdAt),
  );
  if (inserted) return { token, id, expiresAt: data.expiresAt, createdAt };
  // Busy: through Prisma, in a transaction of its own. Prisma's one SQLite
  // connection may be inside another request's transaction right now; a plain
  // insert would join it (and vanish if it rolled back), this one waits.
  const row = await db().$transaction((tx) => tx.accessToken.create({ data, select }));
  return { token, ...row };
}
