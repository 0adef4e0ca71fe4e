import type { ClientType } from "@/lib/clients/schemas";

const OPTIONS: Array<{ value: ClientType; title: string; body: string }> = [
  {
    value: "confidential",
    title: "Confidential",
    body: "With a secret, for servers: a backend that can keep a client secret out of users' hands.",
  },
  {
    value: "public",
    title: "Public",
    body: "For apps that cannot keep a secret: desktop, mobile, CLI, browser. They use PKCE instead of a secret.",
  },
];

export function ClientTypeFieldset({ errors, defaultValue = "confidential" }: { errors?: string[]; defaultValue?: ClientType }) {
  const errorId = errors?.length ? "type-error" : undefined;
  return (
    <fieldset aria-describedby={errorId}>
      <legend className="text-sm font-medium text-zinc-800">Type</legend>
      <div className="mt-2 grid gap-3 sm:grid-cols-2">
        {OPTIONS.map((option) => (
          <label
            key={option.value}
            className="flex cursor-pointer gap-3 rounded-lg bg-white p-4 ring-1 ring-zinc-300 ring-inset has-checked:bg-indigo-50/60 has-checked:ring-2 has-checked:ring-indigo-600 has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-indigo-600"
          >
            <input
              type="radio"
              name="type"
              value={option.value}
              defaultChecked={option.value === defaultValue}
              aria-describedby={`type-${option.value}-body`}
              className="mt-0.5 size-4 shrink-0 accent-indigo-600 focus-visible:outline-none"
            />
            <span>
              <span className="block text-sm font-medium text-zinc-900">{option.title}</span>
              <span id={`type-${option.value}-body`} className="mt-1 block text-sm text-zinc-600">
                {option.body}
              </span>
            </span>
          </label>
        ))}
      </div>
      {errorId ? (
        <p id={errorId} role="alert" className="mt-1.5 text-sm text-red-700">
          {errors?.[0]}
        </p>
      ) : null}
    </fieldset>
  );
}
