"use client";
import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { useFormAction } from "@/components/ui/use-form-action";
import { TokenSecretBox } from "@/components/access-tokens/token-secret-box";
import { createTokenAction } from "@/lib/tokens/token-actions";
import {
  customDateBounds,
  DEFAULT_EXPIRY,
  EXPIRY_CHOICES,
  EXPIRY_LABELS,
  expiryInstant,
  TOKEN_NAME_MAX,
  type ExpiryChoice,
} from "@/lib/tokens/schemas";

const longDate = new Intl.DateTimeFormat("en", { dateStyle: "long" });

interface CreateTokenDialogProps {
  clientId: string;
  clientName: string;
  /** A disabled client's tokens don't work, so the button is off... */
  disabled?: boolean;
  /** ...and points at the element that says why. */
  disabledReasonId?: string;
}

export function CreateTokenDialog({ clientId, clientName, disabled = false, disabledReasonId }: CreateTokenDialogProps) {
  const [open, setOpen] = useState(false);
  // A fresh form (and action state) every time the dialog opens.
  const [session, setSession] = useState(0);
  const [created, setCreated] = useState(false);
  return (
    <>
      <Button
        onClick={() => {
          setSession((n) => n + 1);
          setCreated(false);
          setOpen(true);
        }}
        disabled={disabled}
        aria-describedby={disabled ? disabledReasonId : undefined}
      >
        Create Access Token
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={created ? "Access token created" : "Create access token"}
        description={created ? undefined : <>A token for <strong className="font-medium text-zinc-900">{clientName}</strong>, with every permission this client allows.</>}
      >
        <CreateTokenForm key={session} clientId={clientId} onCreated={() => setCreated(true)} onDone={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

function CreateTokenForm({ clientId, onCreated, onDone }: { clientId: string; onCreated: () => void; onDone: () => void }) {
  const toast = useToast();
  const { state, pending, formProps } = useFormAction(createTokenAction, (data) => {
    data.set("timezoneOffset", String(new Date().getTimezoneOffset()));
  });
  const [expiry, setExpiry] = useState<ExpiryChoice>(DEFAULT_EXPIRY);
  const [now] = useState(() => Date.now());
  const bounds = customDateBounds(now, new Date(now).getTimezoneOffset());
  const created = state.status === "success" ? state.data : undefined;

  const announced = useRef(false);
  useEffect(() => {
    if (!created || announced.current) return;
    announced.current = true;
    onCreated();
    toast("Access token created.");
  }, [created, onCreated, toast]);

  if (created) {
    return (
      <div className="space-y-4">
        <Alert tone="success">
          Copy <strong>{created.name}</strong> now and keep it somewhere safe. You can reveal it again later from the token list.
        </Alert>
        <TokenSecretBox token={created.token} label="New access token" actions={<CopyButton value={created.token} />} />
        <p className="text-sm text-zinc-600">
          {created.expiresAt ? <>Expires on {longDate.format(new Date(created.expiresAt))}.</> : <>This token never expires.</>} Send it as{" "}
          <code className="font-mono text-xs">Authorization: Bearer &lt;token&gt;</code>.
        </p>
        <div className="flex justify-end">
          <Button onClick={onDone} autoFocus>
            Done
          </Button>
        </div>
      </div>
    );
  }

  const errors = state.fieldErrors ?? {};
  const preview = expiry === "custom" ? null : expiryInstant(expiry, now, "", 0);
  return (
    <form {...formProps} className="space-y-5">
      {state.formError ? <Alert tone="error">{state.formError}</Alert> : null}
      <input type="hidden" name="clientId" value={clientId} />
      <TextField
        id="token-name"
        name="name"
        label="Name"
        required
        maxLength={TOKEN_NAME_MAX}
        autoComplete="off"
        placeholder="e.g. Nightly sales export"
        hint="So you recognise it later."
        errors={errors.name}
        autoFocus
      />
      <fieldset aria-describedby={errors.expiry ? "token-expiry-error" : undefined}>
        <legend className="text-sm font-medium text-zinc-800">Expiration</legend>
        <div className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-3">
          {EXPIRY_CHOICES.map((choice) => (
            <label
              key={choice}
              className="flex cursor-pointer items-center gap-2 rounded-md px-3 py-2 text-sm ring-1 ring-inset ring-zinc-300 has-checked:bg-indigo-50 has-checked:ring-indigo-600"
            >
              <input
                type="radio"
                name="expiry"
                value={choice}
                checked={expiry === choice}
                onChange={() => setExpiry(choice)}
                className="accent-indigo-600"
              />
              {EXPIRY_LABELS[choice]}
            </label>
          ))}
        </div>
        {errors.expiry ? (
          <p id="token-expiry-error" role="alert" className="mt-1.5 text-sm text-red-700">
            {errors.expiry[0]}
          </p>
        ) : null}
      </fieldset>
      {expiry === "custom" ? (
        <TextField
          id="token-expires-on"
          name="expiresOn"
          type="date"
          label="Expires on"
          min={bounds.min}
          max={bounds.max}
          required
          hint="The token works until the end of that day, your time. At most 5 years ahead."
          errors={errors.expiresOn}
        />
      ) : (
        <p className="text-sm text-zinc-600" aria-live="polite">
          {preview ? (
            <>The token will expire on {longDate.format(preview)}.</>
          ) : (
            <span className="text-amber-800">The token works until you delete it. Prefer an expiry unless you really need this.</span>
          )}
        </p>
      )}
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" pending={pending}>
          Create token
        </Button>
      </div>
    </form>
  );
}
