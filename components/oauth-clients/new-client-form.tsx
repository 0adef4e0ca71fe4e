"use client";
import Link from "next/link";
import { ClientTypeFieldset } from "@/components/oauth-clients/client-type-fieldset";
import { RedirectUrisHint } from "@/components/oauth-clients/redirect-uris-hint";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { createClientAction } from "@/lib/clients/actions/create-client-action";

export function NewClientForm() {
  const { state, pending, formProps } = useFormAction(createClientAction);
  const errors = state.fieldErrors ?? {};
  return (
    <form {...formProps} className="space-y-6">
      {state.formError ? <Alert tone="error">{state.formError}</Alert> : null}
      <TextField
        id="name"
        label="Name"
        required
        maxLength={100}
        autoComplete="off"
        placeholder="e.g. Claude connector, Reporting server"
        hint="Shown to you here and on the consent screen."
        errors={errors.name}
      />
      <TextAreaField
        id="description"
        label="Description (optional)"
        rows={2}
        maxLength={500}
        hint="What this client is for, so you recognise it later."
        errors={errors.description}
      />
      <ClientTypeFieldset errors={errors.type} />
      <TextAreaField
        id="redirectUris"
        label="Redirect URIs"
        rows={4}
        spellCheck={false}
        autoCapitalize="off"
        className="font-mono"
        placeholder={"https://claude.ai/api/mcp/auth_callback\nhttp://127.0.0.1/callback"}
        hint={<RedirectUrisHint />}
        errors={errors.redirectUris}
      />
      <div className="flex flex-wrap items-center gap-3 border-t border-zinc-200 pt-6">
        <Button type="submit" pending={pending}>
          Create client
        </Button>
        <Link href="/user/oauth-clients" className={buttonClasses("ghost")}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
