"use server";
import { revalidatePath } from "next/cache";
import { updateClientSchema } from "@/lib/clients/schemas";
import { updateClient } from "@/lib/clients/update-client";
import { ownerAction } from "@/lib/forms/form-action";
import { KEPT_OTHER_CHANGES } from "@/lib/forms/own-changes";

export const updateClientAction = ownerAction(
  "client.update",
  updateClientSchema,
  async (owner, { clientId, name, description, redirectUris, loadedName, loadedDescription, loadedRedirectUris }) => {
    const loaded =
      loadedName !== undefined && loadedDescription !== undefined && loadedRedirectUris !== undefined
        ? { name: loadedName, description: loadedDescription, redirectUris: loadedRedirectUris }
        : undefined;
    const { changed, merged } = await updateClient(owner.id, clientId, { name, description, redirectUris }, loaded);
    revalidatePath(`/user/oauth-clients/${clientId}`, "layout");
    revalidatePath("/user/oauth-clients");
    const message = changed.length ? "Client saved." : "Nothing changed.";
    return { status: "success", message: merged ? `${message} ${KEPT_OTHER_CHANGES}` : message };
  },
);
