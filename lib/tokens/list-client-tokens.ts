import "server-only";
import { db } from "@/lib/db/prisma";
import { notFound } from "@/lib/errors";
import { listTokenPage, type TokenPage, type TokenPageRequest } from "@/lib/tokens/list-token-page";

/** Exact up to here, so the Delete all confirmation states the real count for any ordinary client. */
export const CLIENT_TOKEN_COUNT_CAP = 10_000;

/** One client's tokens, newest first, a keyset page at a time ((clientId, createdAt) index). */
export async function listClientTokens(ownerId: string, clientId: string, request: TokenPageRequest = {}): Promise<TokenPage> {
  const client = await db().oAuthClient.findFirst({ where: { id: clientId, ownerId }, select: { id: true } });
  if (!client) throw notFound("Client not found.");
  return listTokenPage({ ownerId, clientId }, "created", request, { countCap: CLIENT_TOKEN_COUNT_CAP });
}
