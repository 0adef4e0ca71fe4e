import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from "react";

interface FieldShellProps {
  id: string;
  label: string;
  hint?: ReactNode;
  errors?: string[];
  children: (describedBy: string | undefined, invalid: boolean) => ReactNode;
}

/** Label, control, hint and error message, wired with aria-describedby. */
export function FieldShell({ id, label, hint, errors, children }: FieldShellProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-zinc-800">
        {label}
      </label>
      {children(describedBy, Boolean(errorId))}
      {hint ? (
        <p id={hintId} className="text-xs text-zinc-500">
          {hint}
        </p>
      ) : null}
      {errorId ? (
        <p id={errorId} className="text-sm text-red-700" role="alert">
          {errors?.[0]}
        </p>
      ) : null}
    </div>
  );
}

const CONTROL =
  "block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-zinc-900 shadow-xs ring-1 ring-inset ring-zinc-300 placeholder:text-zinc-400 focus:ring-2 focus:ring-inset focus:ring-indigo-600 aria-invalid:ring-red-500";

interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  id: string;
  label: string;
  hint?: ReactNode;
  errors?: string[];
}

export function TextField({ id, label, hint, errors, className = "", ...input }: TextFieldProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} errors={errors}>
      {(describedBy, invalid) => (
        <input
          id={id}
          name={id}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          className={`${CONTROL} ${className}`}
          {...input}
        />
      )}
    </FieldShell>
  );
}

interface TextAreaFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  id: string;
  label: string;
  hint?: ReactNode;
  errors?: string[];
}

export function TextAreaField({ id, label, hint, errors, className = "", ...textarea }: TextAreaFieldProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} errors={errors}>
      {(describedBy, invalid) => (
        <textarea
          id={id}
          name={id}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          className={`${CONTROL} ${className}`}
          {...textarea}
        />
      )}
    </FieldShell>
  );
}
