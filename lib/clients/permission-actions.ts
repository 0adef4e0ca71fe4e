"use server";
import { revalidatePath } from "next/cache";
import { updateClientPermissionsSchema, type PermissionDiff } from "@/lib/clients/permission-schemas";
import { updateClientPermissions } from "@/lib/clients/update-client-permissions";
import { ownerAction } from "@/lib/forms/form-action";

/**
 * The Permissions tab's Save. FormData: `clientId` (the client's row id) and
 * one `permission` field per key that should be on, none for "all off"; the
 * list replaces the client's whole set in one request.
 */
export const saveClientPermissionsAction = ownerAction<typeof updateClientPermissionsSchema, PermissionDiff>(
  "client.permissions.update",
  updateClientPermissionsSchema,
  async (owner, input) => {
    const diff = await updateClientPermissions(owner.id, input.clientId, input.permission);
    revalidatePath(`/user/oauth-clients/${input.clientId}`, "layout");
    return { status: "success", data: diff };
  },
);
