import "server-only";
import { db } from "@/lib/db/prisma";
import { notFound } from "@/lib/errors";
import type { Principal } from "@/lib/resource/authenticate-bearer";

export interface PrincipalDescription {
  owner: { id: string; email: string };
  client: { id: string; name: string };
  token: {
    id: string;
    name: string;
    createdVia: string;
    scope: string | null;
    audience: string | null;
    expiresAt: Date | null;
  };
  permissions: string[];
}

/** "Who am I": the token's owner, client, expiry and effective permissions. */
export async function describePrincipal(principal: Principal): Promise<PrincipalDescription> {
  const owner = await db().user.findUnique({ where: { id: principal.ownerId }, select: { id: true, email: true } });
  if (!owner) throw notFound("Account not found");
  return {
    owner,
    client: { id: principal.clientPublicId, name: principal.clientName },
    token: {
      id: principal.tokenId,
      name: principal.tokenName,
      createdVia: principal.createdVia,
      scope: principal.scope,
      audience: principal.audience,
      expiresAt: principal.expiresAt,
    },
    permissions: [...principal.permissions].sort(),
  };
}
