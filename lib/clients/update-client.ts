import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { UpdateClientInput } from "@/lib/clients/schemas";
import { db } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";

export type ClientChanges = Omit<UpdateClientInput, "clientId">;

/** Changes a client's name, description and redirect URIs; records which fields changed. */
export async function updateClient(ownerId: string, id: string, input: ClientChanges): Promise<{ changed: string[] }> {
  return db().$transaction(async (tx) => {
    const current = await tx.oAuthClient.findFirst({
      where: { id, ownerId },
      select: { name: true, description: true, redirectUris: true },
    });
    if (!current) throw new AppError("not_found", "This client does not exist.");
    const redirectUris = JSON.stringify(input.redirectUris);
    const changed = [
      current.name !== input.name ? "name" : null,
      current.description !== input.description ? "description" : null,
      current.redirectUris !== redirectUris ? "redirectUris" : null,
    ].filter((f): f is string => f !== null);
    if (changed.length === 0) return { changed };
    await tx.oAuthClient.updateMany({
      where: { id, ownerId },
      data: { name: input.name, description: input.description, redirectUris },
    });
    await recordAuditEvent(
      { ownerId, action: "client.update", targetType: "client", targetId: id, details: { changed, name: input.name } },
      tx,
    );
    return { changed };
  });
}
