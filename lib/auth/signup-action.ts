"use server";
import { signupSchema } from "@/lib/auth/schemas";
import { formAction } from "@/lib/forms/form-action";
import { createUser } from "@/lib/users/create-user";

export const signupAction = formAction("signup", signupSchema, async (input) => {
  await createUser(input);
  return { status: "success" };
});
