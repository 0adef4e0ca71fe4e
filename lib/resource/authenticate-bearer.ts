import "server-only";
import { isPromise, type MaybePromise } from "@/lib/async/maybe-promise";
import { getPermission } from "@/lib/permissions/catalogue";
import { effectivePermissionsOf, scopesForKeys } from "@/lib/permissions/scopes";
import { bearerErrorResponse, CHALLENGES, type BearerChallenge } from "@/lib/resource/bearer-errors";
import { hasTokenInQuery, parseBearerHeader } from "@/lib/resource/bearer-header";
import { findBearerToken, findBearerTokenById, type BearerTokenRow } from "@/lib/resource/find-bearer-token";
import { audienceMatches, type ResourceKind } from "@/lib/resource/protected-resources";
import { recordPermissionUse, recordTokenUse } from "@/lib/usage/usage-recorder";

// The one bearer check for the commerce API and the MCP endpoint: who is
// calling, and what they may do right now. Permissions are computed from the
// client's enabled set at this moment (narrowed by the token's scope), so a
// permission turned off in the dashboard fails on the very next call.

export interface Principal {
  tokenId: string;
  tokenName: string;
  ownerId: string;
  ownerEmail: string;
  /** OAuthClient.id (row id). */
  clientId: string;
  /** The public client_id (`latch_ci_...`). */
  clientPublicId: string;
  clientName: string;
  createdVia: string;
  scope: string | null;
  audience: string | null;
  expiresAt: Date | null;
  /** Effective permission keys: the client's enabled set narrowed by the token's scope. */
  permissions: ReadonlySet<string>;
}

export type Authentication = { ok: true; principal: Principal } | { ok: false; response: Response };

/** The principal for a stored token, or null when it may not be used now. */
function principalFromRow(row: BearerTokenRow | null, now: Date): Principal | null {
  if (!row) return null;
  if (row.expiresAt !== null && row.expiresAt.getTime() <= now.getTime()) return null;
  if (row.clientDisabled) return null;
  // A client nobody owns yet (a registration never consented to) grants nothing,
  // and a token must belong to its client's owner.
  if (row.clientOwnerId === null || row.clientOwnerId !== row.ownerId) return null;
  return {
    tokenId: row.id,
    tokenName: row.name,
    ownerId: row.ownerId,
    ownerEmail: row.ownerEmail,
    clientId: row.clientId,
    clientPublicId: row.clientPublicId,
    clientName: row.clientName,
    createdVia: row.createdVia,
    scope: row.scope,
    audience: row.audience,
    expiresAt: row.expiresAt,
    permissions: effectivePermissionsOf(row.clientPermissions, row.scope),
  };
}

function refuse(challenge: BearerChallenge, resource: ResourceKind): Authentication {
  return { ok: false, response: bearerErrorResponse(challenge, resource) };
}

/**
 * Authenticates `Authorization: Bearer <token>` for one resource. On failure
 * the result carries the 401 to send, with `WWW-Authenticate` pointing at the
 * resource's metadata. Records the token's last use (throttled, write-behind).
 */
export function authenticateBearer(request: Request, resource: ResourceKind): MaybePromise<Authentication> {
  if (hasTokenInQuery(request.url)) return refuse(CHALLENGES.tokenInQuery, resource);
  const header = parseBearerHeader(request.headers.get("authorization"));
  if (header.kind === "none") return refuse(CHALLENGES.missing, resource);
  if (header.kind === "malformed") return refuse(CHALLENGES.malformed, resource);

  const now = new Date();
  const found = findBearerToken(header.token);
  // On SQLite the answer is at hand: no promise (see lib/async/maybe-promise.ts).
  return isPromise(found) ? found.then((row) => authenticated(row, now, resource)) : authenticated(found, now, resource);
}

function authenticated(row: BearerTokenRow | null, now: Date, resource: ResourceKind): Authentication {
  const principal = principalFromRow(row, now);
  if (!row || !principal) return refuse(CHALLENGES.invalid, resource);
  if (!audienceMatches(row.audience, resource)) return refuse(CHALLENGES.wrongAudience, resource);

  recordTokenUse(principal, row.lastUsedAt, now);
  return { ok: true, principal };
}

/**
 * The same principal read again from the database, or null when the token
 * was deleted, expired or its client disabled since. Used right before an
 * MCP tool acts.
 */
export async function reloadPrincipal(principal: Principal): Promise<Principal | null> {
  return principalFromRow(await findBearerTokenById(principal.tokenId), new Date());
}

export function insufficientScope(permission: string): BearerChallenge {
  const label = getPermission(permission)?.label;
  return {
    status: 403,
    error: "insufficient_scope",
    scope: scopesForKeys([permission])[0],
    permission,
    description: `This operation requires the permission ${permission}${label ? ` (${label})` : ""}, which this token does not have.`,
  };
}

/**
 * Whether the principal has one permission now; every check is counted,
 * allowed or refused, for the owner's usage view. `operation` names what was
 * tried, e.g. "POST /api/v1/sales/{id}/void" or "tool void_sale".
 */
export function checkPermission(principal: Principal, permission: string, operation: string): boolean {
  const allowed = principal.permissions.has(permission);
  recordPermissionUse(principal, permission, allowed, operation);
  return allowed;
}

/**
 * Checks (and counts) one permission. Returns null when allowed, or the 403
 * insufficient_scope response naming the permission.
 */
export function requirePermission(
  principal: Principal,
  permission: string,
  resource: ResourceKind,
  operation: string,
): Response | null {
  if (checkPermission(principal, permission, operation)) return null;
  return bearerErrorResponse(insufficientScope(permission), resource);
}
