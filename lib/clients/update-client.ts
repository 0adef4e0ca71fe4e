import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { MAX_REDIRECT_URIS } from "@/lib/clients/redirect-uris";
import { PUBLIC_CLIENT_NEEDS_REDIRECT, type UpdateClientInput } from "@/lib/clients/schemas";
import { db } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { mergeOwnChanges } from "@/lib/forms/own-changes";

export type ClientChanges = Pick<UpdateClientInput, "name" | "description" | "redirectUris">;

/** The values a page loaded with: its save then changes only what the owner changed on it. */
export interface LoadedClient {
  name: string;
  description: string;
  redirectUris: string[];
}

/**
 * Changes a client's name, description and redirect URIs; records which
 * fields changed. With `loaded`, only what the owner changed on their page
 * is saved: a field they left as it was keeps what is stored now, so a page
 * opened before another save never puts back a redirect URI that save
 * removed. `merged` says whether such another save's changes were kept.
 *
 * A metadata-document client's name and redirect URIs are its document's
 * (read again every hour, lib/oauth/client-metadata-document.ts): a change to
 * them would be undone within the hour, so it is refused.
 */
export async function updateClient(
  ownerId: string,
  id: string,
  input: ClientChanges,
  loaded?: LoadedClient,
): Promise<{ changed: string[]; merged: boolean }> {
  return db().$transaction(async (tx) => {
    const current = await tx.oAuthClient.findFirst({
      where: { id, ownerId },
      select: { name: true, description: true, redirectUris: true, registration: true, type: true },
    });
    if (!current) throw new AppError("not_found", "This client does not exist.");
    const stored = JSON.parse(current.redirectUris) as string[];
    let asked = input;
    if (current.registration === "metadata_document") {
      // The document's fields as the page showed them: any change is refused,
      // and what is stored stays (a name the document ends with a space comes
      // back trimmed from the form, and is no change).
      refuseDocumentChanges(loaded ?? { name: current.name, redirectUris: stored }, input);
      asked = { ...input, name: current.name, redirectUris: stored };
    }
    let next = asked;
    if (loaded) {
      next = {
        name: asked.name === loaded.name ? current.name : asked.name,
        description: asked.description === loaded.description ? current.description : asked.description,
        redirectUris: mergeOwnChanges(stored, loaded.redirectUris, asked.redirectUris),
      };
      if (next.redirectUris.length > MAX_REDIRECT_URIS) {
        throw new AppError("bad_request", "Too many redirect URIs.", {
          redirectUris: [`At most ${MAX_REDIRECT_URIS} redirect URIs, counting those saved elsewhere since this page loaded. Reload to see them.`],
        });
      }
    }
    // Only a save that empties the list: an older public client without any can still be renamed.
    if (current.type === "public" && stored.length > 0 && next.redirectUris.length === 0) {
      throw new AppError("bad_request", PUBLIC_CLIENT_NEEDS_REDIRECT, {
        redirectUris: [`${PUBLIC_CLIENT_NEEDS_REDIRECT} To stop the client, disable it instead.`],
      });
    }
    const merged = next.name !== asked.name || next.description !== asked.description || JSON.stringify(next.redirectUris) !== JSON.stringify(asked.redirectUris);
    const redirectUris = JSON.stringify(next.redirectUris);
    const changed = [
      current.name !== next.name ? "name" : null,
      current.description !== next.description ? "description" : null,
      current.redirectUris !== redirectUris ? "redirectUris" : null,
    ].filter((f): f is string => f !== null);
    if (changed.length === 0) return { changed, merged };
    await tx.oAuthClient.updateMany({
      where: { id, ownerId },
      data: { name: next.name, description: next.description, redirectUris },
    });
    await recordAuditEvent(
      { ownerId, action: "client.update", targetType: "client", targetId: id, details: { changed, name: next.name } },
      tx,
    );
    return { changed, merged };
  });
}

const FROM_DOCUMENT = "This app's metadata document sets it; it cannot be changed here.";

function refuseDocumentChanges(shown: { name: string; redirectUris: string[] }, input: ClientChanges): void {
  const fieldErrors: Record<string, string[]> = {};
  if (input.name !== shown.name.trim()) fieldErrors.name = [FROM_DOCUMENT];
  if (JSON.stringify(input.redirectUris) !== JSON.stringify(shown.redirectUris)) fieldErrors.redirectUris = [FROM_DOCUMENT];
  if (Object.keys(fieldErrors).length > 0) {
    throw new AppError("bad_request", "The name and redirect URIs of this app come from its metadata document.", fieldErrors);
  }
}
