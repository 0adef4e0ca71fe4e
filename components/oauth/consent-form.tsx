"use client";
import { useMemo, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { PermissionSummaryView } from "@/components/oauth/permission-summary";
import { keysForChoice, summarizePermissions, type AccessChoice } from "@/lib/oauth/consent-choice";
import { PERMISSION_GROUPS, PERMISSIONS_BY_GROUP, READ_ONLY_KEYS, PERMISSION_KEYS } from "@/lib/permissions/catalogue";

interface ConsentFormProps {
  firstConsent: boolean;
  clientPermissions: string[];
  scope: string | null;
  hiddenFields: [string, string][];
  consentToken: string;
}

const CHOICES: { value: AccessChoice; label: string; hint: string }[] = [
  { value: "read_only", label: "Read-only", hint: `Look at data, change nothing (${READ_ONLY_KEYS.length} permissions).` },
  { value: "all", label: "All permissions", hint: `Everything, including destructive actions (${PERMISSION_KEYS.length} permissions).` },
  { value: "groups", label: "Choose groups", hint: "Only the areas you tick below." },
];

/**
 * The Allow / Deny form. A plain HTML form POST to /oauth/authorize, so it
 * works without JavaScript; with it, the summary follows the owner's choice.
 */
export function ConsentForm({ firstConsent, clientPermissions, scope, hiddenFields, consentToken }: ConsentFormProps) {
  const [choice, setChoice] = useState<AccessChoice>("read_only");
  const [groups, setGroups] = useState<string[]>([]);
  const [pending, setPending] = useState(false);
  const submitted = useRef(false);

  const keys = firstConsent ? keysForChoice(choice, groups) : clientPermissions;
  const summary = useMemo(() => summarizePermissions(keys, scope), [keys, scope]);
  const nothingChosen = firstConsent && keys.length === 0;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (submitted.current) {
      event.preventDefault();
      return;
    }
    submitted.current = true;
    // Disabling the buttons during this event would drop the clicked button's
    // decision from the form data, so show the pending state just after.
    setTimeout(() => setPending(true), 0);
  }

  function toggleGroup(id: string, on: boolean) {
    setGroups((current) => (on ? [...current, id] : current.filter((g) => g !== id)));
  }

  return (
    <form method="post" action="/oauth/authorize" className="mt-6 space-y-6" onSubmit={onSubmit}>
      {hiddenFields.map(([name, value], index) => (
        <input key={`${name}-${index}`} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="consent_token" value={consentToken} />

      {firstConsent ? (
        <fieldset>
          <legend className="text-sm font-semibold text-zinc-900">What may this app do?</legend>
          <div className="mt-3 space-y-2">
            {CHOICES.map((c) => (
              <label key={c.value} className="flex cursor-pointer items-start gap-3 rounded-lg p-3 ring-1 ring-zinc-200 has-checked:bg-indigo-50 has-checked:ring-indigo-300">
                <input
                  type="radio"
                  name="access"
                  value={c.value}
                  checked={choice === c.value}
                  onChange={() => setChoice(c.value)}
                  className="mt-1 accent-indigo-600"
                />
                <span>
                  <span className="block text-sm font-medium text-zinc-900">{c.label}</span>
                  <span className="block text-xs text-zinc-600">{c.hint}</span>
                </span>
              </label>
            ))}
          </div>
          {choice === "groups" ? (
            <div className="mt-3 grid gap-1.5 rounded-lg bg-zinc-50 p-3 sm:grid-cols-2" role="group" aria-label="Permission groups">
              {PERMISSION_GROUPS.map((g) => (
                <label key={g.id} className="flex items-center gap-2 text-sm text-zinc-800">
                  <input
                    type="checkbox"
                    name="group"
                    value={g.id}
                    checked={groups.includes(g.id)}
                    onChange={(e) => toggleGroup(g.id, e.target.checked)}
                    className="accent-indigo-600"
                  />
                  {g.label}
                  <span className="text-xs text-zinc-500">{`(${PERMISSIONS_BY_GROUP.get(g.id)?.length ?? 0})`}</span>
                </label>
              ))}
            </div>
          ) : null}
        </fieldset>
      ) : null}

      <PermissionSummaryView summary={summary} narrowed={scope !== null} />

      <div className="flex flex-col-reverse gap-3 border-t border-zinc-100 pt-5 sm:flex-row sm:justify-end">
        <Button type="submit" name="decision" value="deny" variant="secondary" inactive={pending}>
          Deny
        </Button>
        <Button type="submit" name="decision" value="allow" pending={pending} disabled={nothingChosen}>
          Allow
        </Button>
      </div>
      {nothingChosen ? <p className="text-right text-xs text-zinc-500">Tick at least one group to allow access.</p> : null}
    </form>
  );
}
