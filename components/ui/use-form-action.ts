"use client";
import { useActionState, useTransition, type FormEvent } from "react";
import type { FormState } from "@/lib/forms/form-state";

type ServerAction<T> = (previous: FormState<T>, formData: FormData) => Promise<FormState<T>>;

/**
 * A server action bound to a form, dispatched from onSubmit so React does not
 * reset the fields (a form with a field error keeps what the user typed). The
 * `action` prop stays for progressive enhancement.
 */
export function useFormAction<T = undefined>(serverAction: ServerAction<T>, beforeSubmit?: (data: FormData) => void) {
  const [state, dispatch, pending] = useActionState<FormState<T>, FormData>(serverAction, { status: "idle" });
  const [, startTransition] = useTransition();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    beforeSubmit?.(data);
    startTransition(() => dispatch(data));
  }
  return { state, pending, formProps: { action: dispatch, onSubmit, noValidate: true } };
}
