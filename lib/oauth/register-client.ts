import "server-only";
import { newClientSecret } from "@/lib/clients/client-secret";
import { generateSecret } from "@/lib/crypto/secrets";
import { db } from "@/lib/db/prisma";
import type { ClientMetadata } from "@/lib/oauth/client-metadata";
import { removeUnclaimedClients } from "@/lib/oauth/remove-unclaimed-clients";

export interface RegisteredClient {
  clientId: string;
  clientSecret: string | null;
  createdAt: Date;
}

/**
 * Stores a dynamically registered client (RFC 7591). It has no owner and no
 * permissions until an owner first consents to it; registrations nobody
 * authorized within 24 hours are removed on the next registration or
 * authorization request (removeUnclaimedClients).
 */
export async function registerClient(metadata: ClientMetadata): Promise<RegisteredClient> {
  await removeUnclaimedClients();
  const secret = metadata.tokenEndpointAuthMethod === "none" ? null : newClientSecret();
  const row = await db().oAuthClient.create({
    data: {
      clientId: generateSecret("client_id"),
      ownerId: null,
      name: metadata.name,
      type: secret ? "confidential" : "public",
      registration: "dynamic",
      tokenEndpointAuthMethod: metadata.tokenEndpointAuthMethod,
      redirectUris: JSON.stringify(metadata.redirectUris),
      permissions: "",
      secretHash: secret?.secretHash ?? null,
      secretEncrypted: secret?.secretEncrypted ?? null,
      secretLast4: secret?.secretLast4 ?? null,
      metadata: JSON.stringify(metadata.extra),
    },
    select: { clientId: true, createdAt: true },
  });
  return { ...row, clientSecret: secret?.secret ?? null };
}
