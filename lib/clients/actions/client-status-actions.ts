"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { deleteClient } from "@/lib/clients/delete-client";
import { clientRefSchema, setClientDisabledSchema } from "@/lib/clients/schemas";
import { setClientDisabled } from "@/lib/clients/set-client-disabled";
import { ownerAction } from "@/lib/forms/form-action";

export const setClientDisabledAction = ownerAction("client.disable", setClientDisabledSchema, async (owner, { clientId, disabled }) => {
  await setClientDisabled(owner.id, clientId, disabled);
  revalidatePath(`/user/oauth-clients/${clientId}`, "layout");
  revalidatePath("/user/oauth-clients");
  return { status: "success", message: disabled ? "Client disabled: its tokens no longer work." : "Client enabled." };
});

export const deleteClientAction = ownerAction("client.delete", clientRefSchema, async (owner, { clientId }) => {
  await deleteClient(owner.id, clientId);
  revalidatePath("/user/oauth-clients");
  revalidatePath("/user/oauth-access-tokens");
  // Redirect from the server: re-rendering the deleted client's page would be a 404.
  redirect("/user/oauth-clients?deleted=1");
});
