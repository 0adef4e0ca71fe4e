import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { newClientSecret } from "@/lib/clients/client-secret";
import type { CreateClientInput } from "@/lib/clients/schemas";
import { generateSecret } from "@/lib/crypto/secrets";
import { db } from "@/lib/db/prisma";
import { PERMISSION_KEYS } from "@/lib/permissions/catalogue";

export interface CreatedClient {
  id: string;
  clientId: string;
  /** Shown once on creation; revealable later from Auth Details. */
  clientSecret: string | null;
}

/** A new dashboard client for the owner, with every catalogue permission on. */
export async function createClient(ownerId: string, input: CreateClientInput): Promise<CreatedClient> {
  const secret = input.type === "confidential" ? newClientSecret() : null;
  return db().$transaction(async (tx) => {
    const client = await tx.oAuthClient.create({
      data: {
        clientId: generateSecret("client_id"),
        ownerId,
        name: input.name,
        description: input.description,
        type: input.type,
        registration: "dashboard",
        tokenEndpointAuthMethod: secret ? "client_secret_basic" : "none",
        redirectUris: JSON.stringify(input.redirectUris),
        permissions: PERMISSION_KEYS.join(" "),
        secretHash: secret?.secretHash ?? null,
        secretEncrypted: secret?.secretEncrypted ?? null,
        secretLast4: secret?.secretLast4 ?? null,
      },
      select: { id: true, clientId: true },
    });
    await recordAuditEvent(
      { ownerId, action: "client.create", targetType: "client", targetId: client.id, details: { name: input.name, type: input.type } },
      tx,
    );
    return { ...client, clientSecret: secret?.secret ?? null };
  });
}
