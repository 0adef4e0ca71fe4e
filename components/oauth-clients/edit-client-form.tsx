"use client";
import { useEffect, useState, type FormEvent } from "react";
import { useUnsavedChangesGuard } from "@/components/oauth-clients/use-unsaved-changes-guard";
import { RedirectUrisHint } from "@/components/oauth-clients/redirect-uris-hint";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { useFormAction } from "@/components/ui/use-form-action";
import { updateClientAction } from "@/lib/clients/actions/update-client-action";
import { parseRedirectUriLines } from "@/lib/clients/redirect-uris";

interface EditClientFormProps {
  clientId: string;
  name: string;
  description: string;
  redirectUris: string[];
  /** A client that names itself by a metadata document URL: its name and redirect URIs come from that document. */
  fromDocument?: boolean;
}

const READ_ONLY = "bg-zinc-50 text-zinc-600";

export function EditClientForm({ clientId, name, description, redirectUris, fromDocument = false }: EditClientFormProps) {
  const { state, pending, formProps } = useFormAction(updateClientAction);
  const toast = useToast();
  const errors = state.fieldErrors ?? {};
  // Typed and not saved: leaving (a tab, a link, a reload) asks first. A save
  // loads the stored values into a new form (the key below), which starts clean.
  const formKey = JSON.stringify([name, description, redirectUris]);
  const [typed, setTyped] = useState({ formKey, dirty: false });
  // A save that changed nothing ("Nothing changed.", after the server tidied
  // what was typed) keeps the key, but nothing is unsaved either.
  const [answered, setAnswered] = useState(state);
  if (answered !== state) {
    setAnswered(state);
    if (state.status === "success") setTyped({ formKey, dirty: false });
  }
  useUnsavedChangesGuard(typed.formKey === formKey && typed.dirty, "You have unsaved changes to this client. Leave without saving them?");
  function noteChange(event: FormEvent<HTMLFormElement>) {
    const form = new FormData(event.currentTarget);
    // Read as the save reads them: spaces around a name or description are not kept.
    const text = (field: string) => String(form.get(field) ?? "").trim();
    const uris = parseRedirectUriLines(text("redirectUris"));
    setTyped({
      formKey,
      dirty: text("name") !== name.trim() || text("description") !== description.trim() || uris.join("\n") !== redirectUris.join("\n"),
    });
  }

  useEffect(() => {
    if (state.status === "success") toast(state.message ?? "Client saved.");
  }, [state, toast]);

  return (
    // After a save the page loads the stored values again: the fields start from them (a save may have kept changes made elsewhere).
    <form key={formKey} {...formProps} onInput={noteChange} className="space-y-5">
      {state.formError ? <Alert tone="error">{state.formError}</Alert> : null}
      <input type="hidden" name="clientId" value={clientId} />
      {/* What the page loaded with: the save changes only what was changed here. */}
      <input type="hidden" name="loadedName" value={name} />
      <input type="hidden" name="loadedDescription" value={description} />
      <input type="hidden" name="loadedRedirectUris" value={redirectUris.join("\n")} />
      {fromDocument ? (
        <Alert tone="info">
          This app&apos;s name and redirect URIs come from its metadata document (its client ID is that document&apos;s address),
          which Latch reads again every hour, so they cannot be changed here. To stop the app, disable it or turn off its permissions.
        </Alert>
      ) : null}
      <TextField
        id="name"
        label="Name"
        required
        maxLength={100}
        autoComplete="off"
        defaultValue={name}
        readOnly={fromDocument}
        className={fromDocument ? READ_ONLY : ""}
        errors={errors.name}
      />
      <TextAreaField id="description" label="Description (optional)" rows={2} maxLength={500} defaultValue={description} errors={errors.description} />
      <TextAreaField
        id="redirectUris"
        label="Redirect URIs"
        rows={Math.min(10, Math.max(3, redirectUris.length + 1))}
        spellCheck={false}
        autoCapitalize="off"
        defaultValue={redirectUris.join("\n")}
        readOnly={fromDocument}
        className={fromDocument ? `font-mono ${READ_ONLY}` : "font-mono"}
        hint={fromDocument ? undefined : <RedirectUrisHint />}
        errors={errors.redirectUris}
      />
      <Button type="submit" pending={pending}>
        Save changes
      </Button>
    </form>
  );
}
