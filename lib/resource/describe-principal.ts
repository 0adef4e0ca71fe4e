import "server-only";
import { JsonText, withJsonMember } from "@/lib/http/json-text";
import { sortedKeysJson } from "@/lib/permissions/scopes";
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
  permissions: readonly string[];
}

/**
 * "Who am I": the token's owner, client, expiry and effective permissions, as
 * the JSON of a PrincipalDescription. The permission list (300 keys for a
 * client with everything on) is the one written once for the client's
 * permissions and the token's scope.
 */
// The owner came with the token in the bearer check's one query (an owner's
// deletion takes their tokens with it).
export async function describePrincipal(principal: Principal): Promise<JsonText> {
  const { expiresAt } = principal;
  // expiresAt as JSON.stringify writes a Date (null for an invalid one), so
  // nothing has to walk the record for Dates.
  const description = {
    owner: { id: principal.ownerId, email: principal.ownerEmail },
    client: { id: principal.clientPublicId, name: principal.clientName },
    token: {
      id: principal.tokenId,
      name: principal.tokenName,
      createdVia: principal.createdVia,
      scope: principal.scope,
      audience: principal.audience,
      expiresAt: expiresAt === null || Number.isNaN(expiresAt.getTime()) ? null : expiresAt.toISOString(),
    },
  };
  return new JsonText(withJsonMember(JSON.stringify(description), "permissions", sortedKeysJson(principal.permissions)));
}
