import { z } from "zod";

/** The one shape every form action returns; `useActionState` renders it. */
export interface FormState<T = undefined> {
  status: "idle" | "success" | "error";
  fieldErrors?: Record<string, string[] | undefined>;
  formError?: string;
  message?: string;
  data?: T;
}

export const idleState: FormState = { status: "idle" };

/** FormData to a plain object: repeated names become arrays (for `getAll` lists). */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = formData.getAll(key).filter((v): v is string => typeof v === "string");
    out[key] = values.length > 1 ? values : values[0];
  }
  return out;
}

export function fieldErrorsOf(error: z.ZodError): Record<string, string[] | undefined> {
  return z.flattenError(error).fieldErrors as Record<string, string[] | undefined>;
}
