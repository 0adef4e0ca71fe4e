import "server-only";
import { Prisma, type OAuthClient } from "@prisma/client";
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
// that is fetched again when older than an hour.

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

/**
 * The client a metadata document URL names: the cached copy while it is
 * fresh, otherwise fetched, checked and stored again (owner and permissions
 * are kept across refetches).
 */
export async function loadMetadataDocumentClient(clientIdUrl: string): Promise<OAuthClient> {
  const cached = await db().oAuthClient.findUnique({ where: { clientId: clientIdUrl } });
  const freshSince = new Date(Date.now() - METADATA_DOCUMENT_TTL * 1000);
  if (cached && cached.registration === "metadata_document" && cached.metadataFetchedAt && cached.metadataFetchedAt > freshSince) {
    return cached;
  }
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
  try {
    return await db().oAuthClient.upsert({
      where: { clientId: clientIdUrl },
      update: fields,
      create: {
        ...fields,
        clientId: clientIdUrl,
        ownerId: null,
        type: "public",
        registration: "metadata_document",
        tokenEndpointAuthMethod: "none",
        permissions: "",
      },
    });
  } catch (error) {
    // Two first fetches racing: the other one stored it.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const stored = await db().oAuthClient.findUnique({ where: { clientId: clientIdUrl } });
      if (stored) return stored;
    }
    throw error;
  }
}
