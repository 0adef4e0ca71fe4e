"use server";
import { revalidatePath } from "next/cache";
import { updateClientSchema } from "@/lib/clients/schemas";
import { updateClient } from "@/lib/clients/update-client";
import { ownerAction } from "@/lib/forms/form-action";

export const updateClientAction = ownerAction("client.update", updateClientSchema, async (owner, { clientId, ...changes }) => {
  const { changed } = await updateClient(owner.id, clientId, changes);
  revalidatePath(`/user/oauth-clients/${clientId}`, "layout");
  revalidatePath("/user/oauth-clients");
  return { status: "success", message: changed.length ? "Client saved." : "Nothing changed." };
});
