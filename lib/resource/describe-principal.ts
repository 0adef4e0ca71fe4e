import "server-only";
import { JsonText, withJsonMember } from "@/lib/http/json-text";
import { sortedKeysJson } from "@/lib/permissions/scopes";
import type { Principal } from "@/lib/resource/authenticate-bearer";

/**
 * "Who am I": the token's owner, client, expiry and effective permissions, as
 * JSON of the shape whoamiSchema describes. The permission list (300 keys for a
 * client with everything on) is the one written once for the client's
 * permissions and the token's scope.
 */
// The owner came with the token in the bearer check's one query (an owner's
// deletion takes their tokens with it).
export async function describePrincipal(principal: Principal): Promise<JsonText> {
  const description = {
    owner: { id: principal.ownerId, email: principal.ownerEmail },
    client: { id: principal.clientPublicId, name: principal.clientName },
    token: {
      id: principal.tokenId,
      name: principal.tokenName,
      createdVia: principal.createdVia,
      scope: principal.scope,
      audience: principal.audience,
      // As a string already: JSON.stringify leaves its fast path for a Date (see lib/http/json-text.ts).
      expiresAt: principal.expiresAt?.toISOString() ?? null,
    },
  };
  return new JsonText(withJsonMember(JSON.stringify(description), "permissions", sortedKeysJson(principal.permissions)));
}
