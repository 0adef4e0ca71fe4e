import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { currentOwner, type Owner } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { fieldErrorsOf, formDataToObject, type FormState } from "@/lib/forms/form-state";
import { logError } from "@/lib/log";

/** What a form says when the server failed, whatever the cause (which goes to the log). */
const OUR_FAILURE = "Something went wrong on our side. Try again.";

type Handler<S extends z.ZodType, T> = (input: z.infer<S>) => Promise<FormState<T> | void>;
type OwnerHandler<S extends z.ZodType, T> = (owner: Owner, input: z.infer<S>) => Promise<FormState<T> | void>;

/** A form action for `useActionState`: parse with zod, run, map errors to the form state. */
export function formAction<S extends z.ZodType, T = undefined>(name: string, schema: S, handler: Handler<S, T>) {
  return async (_previous: FormState<T>, formData: FormData): Promise<FormState<T>> => {
    const parsed = schema.safeParse(formDataToObject(formData));
    if (!parsed.success) {
      return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), formError: "Check the highlighted fields." };
    }
    try {
      return (await handler(parsed.data)) ?? { status: "success" };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof AppError) {
        return { status: "error", formError: error.fieldErrors ? undefined : error.message, fieldErrors: error.fieldErrors };
      }
      logError(name, error);
      return { status: "error", formError: OUR_FAILURE };
    }
  };
}

/** The same, for signed-in owners: the action resolves the session itself. */
export function ownerAction<S extends z.ZodType, T = undefined>(name: string, schema: S, handler: OwnerHandler<S, T>) {
  return async (previous: FormState<T>, formData: FormData): Promise<FormState<T>> => {
    let owner: Owner | null;
    try {
      owner = await currentOwner();
    } catch (error) {
      // The session is read from the database: a failure there is ours, and the form keeps what was typed.
      unstable_rethrow(error);
      logError(name, error);
      return { status: "error", formError: OUR_FAILURE };
    }
    if (!owner) return { status: "error", formError: "Your session has ended. Sign in again." };
    const signedIn = owner;
    return formAction<S, T>(name, schema, (input) => handler(signedIn, input))(previous, formData);
  };
}
