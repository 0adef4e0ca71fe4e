import "server-only";
import { config } from "@/lib/config/env";
import { SCOPES_SUPPORTED } from "@/lib/permissions/scopes";

/** The protected resources Latch serves; each is also a possible token audience. */
export type ResourceKind = "api" | "mcp";

const PATHS: Record<ResourceKind, string> = { api: "/api/v1", mcp: "/mcp" };

/** The resource identifier (RFC 8707 / RFC 9728 `resource`), e.g. `https://latch.example/mcp`. */
export function resourceUrl(kind: ResourceKind): string {
  return `${config().publicUrl}${PATHS[kind]}`;
}

/**
 * Where a client finds this resource's RFC 9728 metadata: the well-known
 * prefix inserted before the resource's path (RFC 9728 §3.1).
 */
export function resourceMetadataUrl(kind: ResourceKind): string {
  return `${config().publicUrl}/.well-known/oauth-protected-resource${PATHS[kind]}`;
}

/**
 * Token audiences accepted on a resource: the resource itself, or the server
 * as a whole (the root metadata names the public URL as a resource).
 * A token without an audience (e.g. a manual token) works everywhere.
 */
export function audienceMatches(audience: string | null, kind: ResourceKind): boolean {
  if (audience === null || audience === "") return true;
  const normalized = audience.replace(/\/+$/, "");
  return normalized === resourceUrl(kind) || normalized === config().publicUrl;
}

export interface ProtectedResourceMetadata {
  resource: string;
  resource_name: string;
  authorization_servers: string[];
  scopes_supported: readonly string[];
  bearer_methods_supported: string[];
  resource_documentation?: string;
}

/** RFC 9728 metadata for one resource, or for the whole server (`root`). */
export function protectedResourceMetadata(kind: ResourceKind | "root"): ProtectedResourceMetadata {
  const { publicUrl } = config();
  const names = { root: "Latch", api: "Latch commerce API", mcp: "Latch MCP server" };
  return {
    resource: kind === "root" ? publicUrl : resourceUrl(kind),
    resource_name: names[kind],
    authorization_servers: [publicUrl],
    scopes_supported: SCOPES_SUPPORTED,
    bearer_methods_supported: ["header"],
    ...(kind === "api" ? { resource_documentation: `${publicUrl}/api/v1/openapi.json` } : {}),
  };
}

/** The metadata document as a response: public, cacheable for a short while, CORS-open. */
export function protectedResourceMetadataResponse(kind: ResourceKind | "root"): Response {
  return Response.json(protectedResourceMetadata(kind), {
    headers: {
      "Access-Control-Allow-Origin": "*",
      "Cache-Control": "public, max-age=300",
    },
  });
}

/** Answer for CORS preflights on the metadata documents. */
export function metadataPreflightResponse(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      "Access-Control-Allow-Origin": "*",
      "Access-Control-Allow-Methods": "GET, OPTIONS",
      "Access-Control-Allow-Headers": "Authorization, Content-Type, MCP-Protocol-Version",
      "Access-Control-Max-Age": "86400",
    },
  });
}
