"use server";
import { revalidatePath } from "next/cache";
import { updateClientPermissionsSchema, type PermissionSaveResult } from "@/lib/clients/permission-schemas";
import { saveClientPermissions } from "@/lib/clients/update-client-permissions";
import { ownerAction } from "@/lib/forms/form-action";

/**
 * The Permissions tab's Save. FormData: `clientId` (the client's row id), one
 * `permission` field per key that should be on (none for "all off"), and
 * `loaded`, the keys that were on when the page loaded: the owner's changes
 * since are applied to what is stored now (see saveClientPermissions).
 * Without `loaded` the list replaces the client's whole set.
 */
export const saveClientPermissionsAction = ownerAction<typeof updateClientPermissionsSchema, PermissionSaveResult>(
  "client.permissions.update",
  updateClientPermissionsSchema,
  async (owner, input) => {
    const { diff, enabled } = await saveClientPermissions(owner.id, input.clientId, input.permission, input.loaded);
    revalidatePath(`/user/oauth-clients/${input.clientId}`, "layout");
    return { status: "success", data: { ...diff, enabled } };
  },
);
