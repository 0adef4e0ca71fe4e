import "server-only";
import { resourceMetadataUrl, type ResourceKind } from "@/lib/resource/protected-resources";

// RFC 6750 §3 error responses. The JSON body has the API's one error shape;
// the WWW-Authenticate header is what OAuth and MCP clients read (the
// `resource_metadata` parameter starts MCP discovery, RFC 9728 §5.1).

export type BearerErrorCode = "invalid_request" | "invalid_token" | "insufficient_scope";

export interface BearerChallenge {
  status: 400 | 401 | 403;
  /** Absent when the request carried no credentials at all (RFC 6750 §3.1). */
  error?: BearerErrorCode;
  description: string;
  /** For insufficient_scope: the OAuth scope that would cover the permission. */
  scope?: string;
  /** For insufficient_scope: the permission key the operation needs. */
  permission?: string;
}

function quote(value: string): string {
  return `"${value.replace(/["\\]/g, "")}"`;
}

export function wwwAuthenticate(challenge: BearerChallenge, resource: ResourceKind): string {
  const params: string[] = [];
  if (challenge.error) {
    params.push(`error=${quote(challenge.error)}`);
    params.push(`error_description=${quote(challenge.description)}`);
  }
  if (challenge.scope) params.push(`scope=${quote(challenge.scope)}`);
  params.push(`resource_metadata=${quote(resourceMetadataUrl(resource))}`);
  return `Bearer ${params.join(", ")}`;
}

export function bearerErrorResponse(
  challenge: BearerChallenge,
  resource: ResourceKind,
  extraHeaders: Record<string, string> = {},
): Response {
  const body = {
    error: {
      code: challenge.error ?? "unauthorized",
      message: challenge.description,
      ...(challenge.permission ? { permission: challenge.permission } : {}),
    },
  };
  return Response.json(body, {
    status: challenge.status,
    headers: {
      "WWW-Authenticate": wwwAuthenticate(challenge, resource),
      "Cache-Control": "no-store",
      ...extraHeaders,
    },
  });
}

export const CHALLENGES = {
  missing: {
    status: 401,
    description: "Send an access token in the Authorization header: Authorization: Bearer <token>.",
  },
  // RFC 6750 §3.1: invalid_request is a 400; 401 is for a missing or bad token.
  tokenInQuery: {
    status: 400,
    error: "invalid_request",
    description: "Access tokens in the URL are refused; send the token in the Authorization header.",
  },
  malformed: {
    status: 401,
    error: "invalid_token",
    description: "The Authorization header must be exactly: Bearer <token>.",
  },
  invalid: {
    status: 401,
    error: "invalid_token",
    description: "The access token is invalid, expired or revoked.",
  },
  wrongAudience: {
    status: 401,
    error: "invalid_token",
    description: "The access token was issued for another resource.",
  },
} as const satisfies Record<string, BearerChallenge>;
