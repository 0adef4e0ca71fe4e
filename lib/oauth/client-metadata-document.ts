import "server-only";
import type { OAuthClient } from "@prisma/client";
import { isLoopbackHost } from "@/lib/clients/redirect-uris";
import { config } from "@/lib/config/env";
import { db } from "@/lib/db/prisma";
import { parseClientMetadata } from "@/lib/oauth/client-metadata";
import { fetchMetadataDocument, MetadataFetchError } from "@/lib/oauth/fetch-metadata-document";
import { METADATA_DOCUMENT_TTL } from "@/lib/oauth/lifetimes";
import { OAuthError } from "@/lib/oauth/oauth-error";

// Client ID Metadata Documents (draft-ietf-oauth-client-id-metadata-document):
// a client_id that is an https URL names a JSON document, served by the
// client, holding its metadata. Latch fetches it, checks it, and keeps a
// copy in OAuthClient (registration "metadata_document", clientId = the URL)
// that is fetched again when older than an hour. The URL is shared by every
// user of the app: the ownerless row is the cached copy, and each owner who
// consents gets a row of their own (unique per clientId and owner).

/** Whether a client_id has the shape of a metadata document URL (https, with a path). */
export function isMetadataDocumentUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value) || value.length > 2000) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  const httpAllowed = config().allowPrivateMetadataUrls && isLoopbackHost(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && httpAllowed)) return false;
  if (url.hash || value.includes("#") || url.username || url.password) return false;
  if (url.pathname === "/" || /\/\.\.?(\/|$)/.test(value.slice(url.origin.length))) return false;
  return url.href === value;
}

/** Why a metadata document cannot be used; the message is shown on the error page. */
export class MetadataDocumentError extends Error {
  override name = "MetadataDocumentError";
}

function documentMetadata(clientIdUrl: string, document: unknown) {
  if (typeof document !== "object" || document === null || Array.isArray(document)) {
    throw new MetadataDocumentError("The client's metadata document is not a JSON object.");
  }
  const fields = document as Record<string, unknown>;
  if (fields.client_id !== clientIdUrl) {
    throw new MetadataDocumentError("The client's metadata document names a different client_id than its own URL.");
  }
  try {
    const metadata = parseClientMetadata(fields, "none");
    if (metadata.tokenEndpointAuthMethod !== "none") {
      throw new MetadataDocumentError("A metadata-document client cannot use a client secret: its token_endpoint_auth_method must be none.");
    }
    return metadata;
  } catch (error) {
    if (error instanceof OAuthError) throw new MetadataDocumentError(`The client's metadata document is not valid: ${error.description}`);
    throw error;
  }
}

const isFresh = (client: OAuthClient) =>
  client.metadataFetchedAt !== null && client.metadataFetchedAt > new Date(Date.now() - METADATA_DOCUMENT_TTL * 1000);

/**
 * The client a metadata document URL names, as seen by `ownerId`: their own
 * row when they have connected it, otherwise the ownerless cached copy (one
 * URL is shared by every user of the app, so each owner who connects it gets
 * their own row). A copy older than an hour is fetched, checked and stored
 * again; an owner's row keeps its owner and permissions across refetches.
 */
export async function loadMetadataDocumentClient(clientIdUrl: string, ownerId: string | null): Promise<OAuthClient> {
  const rows = await db().oAuthClient.findMany({
    where: { clientId: clientIdUrl, registration: "metadata_document", OR: ownerId ? [{ ownerId: null }, { ownerId }] : [{ ownerId: null }] },
    orderBy: { createdAt: "asc" },
  });
  const own = ownerId === null ? undefined : rows.find((row) => row.ownerId === ownerId);
  const cached = rows.find((row) => row.ownerId === null);
  const current = own ?? cached;
  if (current && isFresh(current)) return current;

  let document: unknown;
  try {
    document = await fetchMetadataDocument(new URL(clientIdUrl), config().allowPrivateMetadataUrls);
  } catch (error) {
    if (error instanceof MetadataFetchError) throw new MetadataDocumentError(`The client's metadata document could not be used. ${error.message}`);
    throw error;
  }
  const metadata = documentMetadata(clientIdUrl, document);
  const fields = {
    name: metadata.name,
    redirectUris: JSON.stringify(metadata.redirectUris),
    metadata: JSON.stringify(metadata.extra),
    metadataFetchedAt: new Date(),
  };
  if (own) return db().oAuthClient.update({ where: { id: own.id }, data: fields });
  if (cached) return db().oAuthClient.update({ where: { id: cached.id }, data: fields });
  // Two first fetches racing may both store a copy (NULL owners do not
  // collide in the unique index); the oldest is used, and consent copies it.
  return db().oAuthClient.create({
    data: {
      ...fields,
      clientId: clientIdUrl,
      ownerId: null,
      type: "public",
      registration: "metadata_document",
      tokenEndpointAuthMethod: "none",
      permissions: "",
    },
  });
}
