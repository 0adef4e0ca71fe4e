import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "@/lib/db/prisma";

export type AuditAction =
  | "client.create"
  | "client.update"
  | "client.disable"
  | "client.enable"
  | "client.delete"
  | "client.secret.reveal"
  | "client.secret.rotate"
  | "client.permissions.update"
  | "client.connect"
  | "token.create"
  | "token.reveal"
  | "token.delete"
  | "token.delete_all"
  | "token.delete_expired";

export interface AuditEventInput {
  ownerId: string;
  action: AuditAction;
  targetType: "client" | "token";
  targetId?: string;
  /** Never a secret: names, counts, diffs of permission keys. */
  details?: Record<string, unknown>;
}

type Writer = Pick<Prisma.TransactionClient, "auditEvent">;

/** Records what an owner did; pass the transaction so the event commits with the change. */
export async function recordAuditEvent(event: AuditEventInput, client: Writer = db()): Promise<void> {
  await client.auditEvent.create({
    data: {
      ownerId: event.ownerId,
      action: event.action,
      targetType: event.targetType,
      targetId: event.targetId ?? null,
      details: JSON.stringify(event.details ?? {}),
    },
  });
}
