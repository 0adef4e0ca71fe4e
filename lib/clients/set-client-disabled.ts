import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";

/**
 * Disables or enables a client. The token check reads this flag on every
 * request, so a disabled client's tokens stop working at once.
 */
export async function setClientDisabled(ownerId: string, id: string, disabled: boolean): Promise<void> {
  await db().$transaction(async (tx) => {
    const { count } = await tx.oAuthClient.updateMany({ where: { id, ownerId }, data: { disabled } });
    if (count === 0) throw new AppError("not_found", "This client does not exist.");
    await recordAuditEvent(
      { ownerId, action: disabled ? "client.disable" : "client.enable", targetType: "client", targetId: id },
      tx,
    );
  });
}
