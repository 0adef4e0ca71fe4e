import "server-only";
import type { OAuthClient } from "@prisma/client";
import { isLoopbackHost } from "@/lib/clients/redirect-uris";
import { REGISTRATION_LABELS, type Registration } from "@/lib/clients/schemas";
import { config } from "@/lib/config/env";
import type { AuthorizationRequest } from "@/lib/oauth/authorization-request";

/** What the consent page tells the owner about the client and the request; plain data. */
export interface ConsentDetails {
  clientName: string;
  description: string;
  registration: Registration;
  registrationLabel: string;
  /** For a metadata-document client: the host that serves its metadata. */
  documentHost: string | null;
  redirectHost: string;
  redirectIsLocal: boolean;
  audienceLabel: string;
  requestedScopes: string[];
  firstConsent: boolean;
  clientPermissions: string[];
  scope: string | null;
}

function redirectHost(uri: string): { host: string; local: boolean } {
  const url = new URL(uri);
  if (url.protocol === "http:" || url.protocol === "https:") return { host: url.host, local: isLoopbackHost(url.hostname) };
  return { host: url.host ? `${url.protocol}//${url.host}` : url.protocol, local: true };
}

function audienceLabel(audience: string | null): string {
  const base = config().publicUrl;
  if (audience === `${base}/mcp`) return "Latch's MCP server";
  if (audience === `${base}/api/v1`) return "Latch's commerce API";
  return "Latch's commerce API and MCP server";
}

export function consentDetails(request: AuthorizationRequest): ConsentDetails {
  const { client } = request;
  const registration = client.registration as Registration;
  const target = redirectHost(request.redirectUri);
  return {
    clientName: client.name,
    description: client.description,
    registration,
    registrationLabel: REGISTRATION_LABELS[registration] ?? registration,
    documentHost: registration === "metadata_document" ? new URL(client.clientId).host : null,
    redirectHost: target.host,
    redirectIsLocal: target.local,
    audienceLabel: audienceLabel(request.audience),
    requestedScopes: request.scope ? request.scope.split(" ") : [],
    firstConsent: client.ownerId === null,
    clientPermissions: clientKeys(client),
    scope: request.scope,
  };
}

function clientKeys(client: OAuthClient): string[] {
  return client.permissions ? client.permissions.split(" ") : [];
}
