import "server-only";
import { Prisma, type OAuthClient } from "@prisma/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/prisma";
import { isPermissionKey } from "@/lib/permissions/catalogue";

type Tx = Prisma.TransactionClient;

async function auditConnect(tx: Tx, ownerId: string, client: Pick<OAuthClient, "id" | "name" | "registration">, permissionCount: number) {
  await recordAuditEvent(
    {
      ownerId,
      action: "client.connect",
      targetType: "client",
      targetId: client.id,
      details: { name: client.name, registration: client.registration, permissionCount },
    },
    tx,
  );
}

/** A dynamic registration belongs to one owner: claimed only while it still has none. */
async function claimRegistration(ownerId: string, client: OAuthClient, keys: string[]): Promise<OAuthClient | null> {
  return db().$transaction(async (tx) => {
    const claimed = await tx.oAuthClient.updateMany({
      where: { id: client.id, ownerId: null },
      data: { ownerId, permissions: keys.join(" ") },
    });
    if (claimed.count !== 1) return null;
    const row = await tx.oAuthClient.findUniqueOrThrow({ where: { id: client.id } });
    await auditConnect(tx, ownerId, row, keys.length);
    return row;
  });
}

/**
 * A metadata document URL is shared by every user of the app: the owner gets
 * a row of their own, copied from the ownerless cached one (which stays for
 * the next owner). If the same owner connected it meanwhile (two tabs), their
 * existing row is used as it is.
 */
async function copyForOwner(ownerId: string, cached: OAuthClient, keys: string[]): Promise<OAuthClient | null> {
  try {
    return await db().$transaction(async (tx) => {
      const row = await tx.oAuthClient.create({
        data: {
          clientId: cached.clientId,
          ownerId,
          name: cached.name,
          description: cached.description,
          type: cached.type,
          registration: cached.registration,
          tokenEndpointAuthMethod: cached.tokenEndpointAuthMethod,
          redirectUris: cached.redirectUris,
          metadata: cached.metadata,
          metadataFetchedAt: cached.metadataFetchedAt,
          permissions: keys.join(" "),
        },
      });
      await auditConnect(tx, ownerId, row, keys.length);
      return row;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return db().oAuthClient.findFirst({ where: { clientId: cached.clientId, ownerId, registration: "metadata_document" } });
    }
    throw error;
  }
}

/**
 * An owner's first consent to a dynamically registered or metadata-document
 * client (an ownerless row) connects it to them with the permissions they
 * chose, and returns the owner's row. A dynamic registration becomes theirs
 * only if nobody connected it first (null otherwise); a metadata-document
 * client gets a new row per owner.
 */
export async function connectClient(ownerId: string, client: OAuthClient, permissions: string[]): Promise<OAuthClient | null> {
  const keys = permissions.filter(isPermissionKey);
  if (client.ownerId !== null) return null;
  return client.registration === "metadata_document" ? copyForOwner(ownerId, client, keys) : claimRegistration(ownerId, client, keys);
}
