"use client";
import { useEffect } from "react";
import { RedirectUrisHint } from "@/components/oauth-clients/redirect-uris-hint";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { useFormAction } from "@/components/ui/use-form-action";
import { updateClientAction } from "@/lib/clients/actions/update-client-action";

interface EditClientFormProps {
  clientId: string;
  name: string;
  description: string;
  redirectUris: string[];
}

export function EditClientForm({ clientId, name, description, redirectUris }: EditClientFormProps) {
  const { state, pending, formProps } = useFormAction(updateClientAction);
  const toast = useToast();
  const errors = state.fieldErrors ?? {};

  useEffect(() => {
    if (state.status === "success") toast(state.message ?? "Client saved.");
  }, [state, toast]);

  return (
    // After a save the page loads the stored values again: the fields start from them (a save may have kept changes made elsewhere).
    <form key={JSON.stringify([name, description, redirectUris])} {...formProps} className="space-y-5">
      {state.formError ? <Alert tone="error">{state.formError}</Alert> : null}
      <input type="hidden" name="clientId" value={clientId} />
      {/* What the page loaded with: the save changes only what was changed here. */}
      <input type="hidden" name="loadedName" value={name} />
      <input type="hidden" name="loadedDescription" value={description} />
      <input type="hidden" name="loadedRedirectUris" value={redirectUris.join("\n")} />
      <TextField id="name" label="Name" required maxLength={100} autoComplete="off" defaultValue={name} errors={errors.name} />
      <TextAreaField id="description" label="Description (optional)" rows={2} maxLength={500} defaultValue={description} errors={errors.description} />
      <TextAreaField
        id="redirectUris"
        label="Redirect URIs"
        rows={Math.min(10, Math.max(3, redirectUris.length + 1))}
        spellCheck={false}
        autoCapitalize="off"
        className="font-mono"
        defaultValue={redirectUris.join("\n")}
        hint={<RedirectUrisHint />}
        errors={errors.redirectUris}
      />
      <Button type="submit" pending={pending}>
        Save changes
      </Button>
    </form>
  );
}
