import "server-only";
import { config } from "@/lib/config/env";
import { OAuthError } from "@/lib/oauth/oauth-error";
import { resourceUrl } from "@/lib/resource/protected-resources";

// The RFC 8707 resources a token can be bound to. A token's audience is one of
// these exact strings:
//   `${publicUrl}/api/v1`  the commerce API
//   `${publicUrl}/mcp`     the MCP server
//   `${publicUrl}`         the whole server (API and MCP), because the root
//                          protected-resource metadata names it, and clients
//                          that read that document ask for it.
// A trailing slash is tolerated and removed; anything else (another host, a
// query, a fragment, another path) is refused with invalid_target.

export function allowedResources(): string[] {
  return [resourceUrl("api"), resourceUrl("mcp"), config().publicUrl];
}

function canonical(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.hash || value.includes("#") || url.search || url.username || url.password) return null;
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

/** The allowed resource a value names, or null. */
export function normalizeResource(value: string): string | null {
  if (value.length > 2000 || /\s/.test(value)) return null;
  const wanted = canonical(value);
  if (wanted === null) return null;
  return allowedResources().find((r) => canonical(r) === wanted) ?? null;
}

/**
 * The audience for a request's `resource` parameters: null when none was
 * given. Several parameters must all name the same resource, since a Latch
 * token has one audience.
 */
export function audienceFromResources(values: string[]): string | null {
  if (values.length === 0) return null;
  const resolved = new Set<string>();
  for (const value of values) {
    const resource = normalizeResource(value);
    if (resource === null) {
      throw new OAuthError(
        "invalid_target",
        `The resource parameter must name this server's API or MCP endpoint: ${allowedResources().join(", ")}.`,
      );
    }
    resolved.add(resource);
  }
  if (resolved.size > 1) throw new OAuthError("invalid_target", "Ask for one resource per token.");
  return [...resolved][0]!;
}

/**
 * The audience of an access token issued under a grant for `granted`, asked
 * for with the request's `resource` parameters (RFC 8707 §2.2): the grant's
 * own when none is asked for, or a narrower one the grant covers (a grant for
 * no resource, or for the whole server, covers the API and the MCP server).
 * Anything else is invalid_target, with `refusal` as its description.
 */
export function narrowedAudience(resources: string[], granted: string | null, refusal: string): string | null {
  const requested = audienceFromResources(resources);
  if (requested === null || requested === granted) return granted;
  if (granted === null || requested.startsWith(`${granted}/`)) return requested;
  throw new OAuthError("invalid_target", refusal);
}
