import "server-only";
import { cache } from "react";
import { db } from "@/lib/db/prisma";
import { PERMISSION_KEYS } from "@/lib/permissions/catalogue";
import type { ClientType, Registration } from "@/lib/clients/schemas";

export interface ClientDetails {
  id: string;
  clientId: string;
  name: string;
  description: string;
  type: ClientType;
  registration: Registration;
  tokenEndpointAuthMethod: string;
  redirectUris: string[];
  permissions: string[];
  permissionCount: number;
  permissionTotal: number;
  disabled: boolean;
  hasSecret: boolean;
  secretLast4: string | null;
  previousSecretExpiresAt: Date | null;
  secretRotatedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  lastUsedAt: Date | null;
}

export function splitPermissions(stored: string): string[] {
  return stored ? stored.split(" ") : [];
}

/**
 * One client of the owner's, or null: another owner's client is simply not
 * found. Cached per request, so the tab layout and the tab page load it once.
 */
export const getClient = cache(async (ownerId: string, id: string): Promise<ClientDetails | null> => {
  const row = await db().oAuthClient.findFirst({ where: { id, ownerId } });
  if (!row) return null;
  const permissions = splitPermissions(row.permissions);
  return {
    id: row.id,
    clientId: row.clientId,
    name: row.name,
    description: row.description,
    type: row.type as ClientType,
    registration: row.registration as Registration,
    tokenEndpointAuthMethod: row.tokenEndpointAuthMethod,
    redirectUris: JSON.parse(row.redirectUris) as string[],
    permissions,
    permissionCount: permissions.length,
    permissionTotal: PERMISSION_KEYS.length,
    disabled: row.disabled,
    hasSecret: Boolean(row.secretHash),
    secretLast4: row.secretLast4,
    previousSecretExpiresAt: row.previousSecretExpiresAt,
    secretRotatedAt: row.secretRotatedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    lastUsedAt: row.lastUsedAt,
  };
});
