"use client";
import { useActionState, useState, useTransition, type FormEvent } from "react";
import { runFormAction } from "@/components/ui/call-form-action";
import type { FormState } from "@/lib/forms/form-state";

type ServerAction<T> = (previous: FormState<T>, formData: FormData) => Promise<FormState<T>>;

/**
 * A server action bound to a form, called from onSubmit so React does not
 * reset the fields (a form with a field error keeps what the user typed), and
 * through runFormAction, so a call that fails (the network, a page older than
 * the server) is a form error too, not the error page with the typing lost.
 * The `action` prop stays for progressive enhancement.
 */
export function useFormAction<T = undefined>(serverAction: ServerAction<T>, beforeSubmit?: (data: FormData) => void) {
  const [actionState, dispatch, actionPending] = useActionState<FormState<T>, FormData>(serverAction, { status: "idle" });
  const [submitted, setSubmitted] = useState<FormState<T> | null>(null);
  const [pending, startTransition] = useTransition();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    beforeSubmit?.(data);
    startTransition(async () => {
      const state = await runFormAction(serverAction, data);
      startTransition(() => setSubmitted(state));
    });
  }
  return { state: submitted ?? actionState, pending: pending || actionPending, formProps: { action: dispatch, onSubmit, noValidate: true } };
}
