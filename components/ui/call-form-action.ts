import { unstable_rethrow } from "next/navigation";
import type { FormState } from "@/lib/forms/form-state";

type FormServerAction<T> = (previous: FormState<T>, formData: FormData) => Promise<FormState<T>>;

/** What a button says when its server action could not be reached (the network, or a page older than the server). */
export const UNREACHABLE = "Couldn't reach the server. Check your connection, or reload the page, and try again.";

/**
 * Runs a form-state server action from an event handler, as an error state
 * rather than a rejection when the call itself fails: a rejection inside a
 * transition would replace the whole page with the error page and lose what
 * the owner had not saved yet. Next's own signals (a redirect) pass through.
 */
export async function runFormAction<T>(action: FormServerAction<T>, data: FormData): Promise<FormState<T>> {
  try {
    return await action({ status: "idle" }, data);
  } catch (error) {
    unstable_rethrow(error);
    return { status: "error", formError: UNREACHABLE };
  }
}

/** The same, with the fields given one by one (buttons that are not forms). */
export function callFormAction<T>(action: FormServerAction<T>, fields: Record<string, string>): Promise<FormState<T>> {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return runFormAction(action, data);
}

export function errorMessage(state: FormState<unknown>): string {
  return state.formError ?? Object.values(state.fieldErrors ?? {}).flat()[0] ?? "Something went wrong. Try again.";
}
