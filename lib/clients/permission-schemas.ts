import { z } from "zod";
import { isPermissionKey, PERMISSION_KEYS } from "@/lib/permissions/catalogue";

/** The diff a save reports back, and what the audit event records. */
export interface PermissionDiff {
  added: string[];
  removed: string[];
}

function describeUnknown(input: unknown): string {
  const text = typeof input === "string" ? input : String(input);
  return `"${text.length > 60 ? `${text.slice(0, 60)}…` : text}" is not a known permission.`;
}

/** A list of catalogue keys; anything else is refused with a clear message. */
export const permissionKeysField = z
  .array(
    z.string({ error: "Each permission must be a key like sale.list." }).refine(isPermissionKey, {
      error: (issue) => describeUnknown(issue.input),
    }),
    { error: "Send the enabled permissions as a list." },
  )
  // Duplicates are harmless, but a list far longer than the catalogue is not a real save.
  .max(PERMISSION_KEYS.length * 2, "Too many permissions in one save.");

/**
 * FormData sends a list as repeated `permission` fields: none at all (every
 * permission off), one (a string) or several (an array).
 */
function asList(value: unknown): unknown {
  if (value === undefined || value === null || value === "") return [];
  return Array.isArray(value) ? value : [value];
}

/** What a save answers: the diff, and every key on after it (which may hold another save's changes too). */
export interface PermissionSaveResult extends PermissionDiff {
  enabled: string[];
}

/**
 * The Permissions tab's save: the client's row id, every key that should be
 * on, and optionally `loaded`, the keys that were on when the page loaded
 * (space-separated; empty when all were off), so that only the owner's own
 * changes are applied to what is stored now. Keys in `loaded` are the page's
 * own record, not a request: one that left the catalogue is ignored.
 */
export const updateClientPermissionsSchema = z.object({
  clientId: z.string({ error: "Missing client." }).min(1, "Missing client.").max(100),
  permission: z.preprocess(asList, permissionKeysField),
  // A key that has left the catalogue since the page loaded is dropped, as the save drops it.
  loaded: z.preprocess(
    (value) => (typeof value === "string" ? value.split(" ").filter(Boolean) : value),
    z
      .array(z.string())
      .max(PERMISSION_KEYS.length * 2, "Too many permissions in one save.")
      .transform((keys) => keys.filter(isPermissionKey))
      .optional(),
  ),
});

export type UpdateClientPermissionsInput = z.infer<typeof updateClientPermissionsSchema>;
