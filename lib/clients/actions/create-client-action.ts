"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createClient } from "@/lib/clients/create-client";
import { createClientSchema } from "@/lib/clients/schemas";
import { ownerAction } from "@/lib/forms/form-action";

export const createClientAction = ownerAction("client.create", createClientSchema, async (owner, input) => {
  const client = await createClient(owner.id, input);
  revalidatePath("/user/oauth-clients");
  // The secret is not put in the URL: Auth Details reveals it on request.
  redirect(`/user/oauth-clients/${client.id}/auth-details?created=1`);
});
