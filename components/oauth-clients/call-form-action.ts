import type { FormState } from "@/lib/forms/form-state";

type FormServerAction<T> = (previous: FormState<T>, formData: FormData) => Promise<FormState<T>>;

/** Calls a form-state server action from an event handler (buttons that are not forms). */
export function callFormAction<T>(action: FormServerAction<T>, fields: Record<string, string>): Promise<FormState<T>> {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return action({ status: "idle" }, data);
}

export function errorMessage(state: FormState<unknown>): string {
  return state.formError ?? Object.values(state.fieldErrors ?? {}).flat()[0] ?? "Something went wrong. Try again.";
}
