"use client";
import { useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog } from "@/components/ui/dialog";
import { RelativeTime } from "@/components/ui/relative-time";
import { useFormAction } from "@/components/ui/use-form-action";
import { rotateClientSecretAction } from "@/lib/clients/actions/client-secret-actions";
import { SECRET_GRACE_LABELS, SECRET_GRACE_PERIODS } from "@/lib/clients/schemas";

interface RotateSecretDialogProps {
  clientId: string;
  open: boolean;
  onClose: () => void;
  onRotated: () => void;
}

export function RotateSecretDialog({ clientId, open, onClose, onRotated }: RotateSecretDialogProps) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Rotate client secret"
    >
      {/* Mounted only while open, so each opening starts fresh. */}
      {open ? <RotateSecretBody clientId={clientId} onClose={onClose} onRotated={onRotated} /> : null}
    </Dialog>
  );
}

function RotateSecretBody({ clientId, onClose, onRotated }: Omit<RotateSecretDialogProps, "open">) {
  const { state, pending, formProps } = useFormAction(rotateClientSecretAction);
  const rotated = state.status === "success" ? state.data : undefined;

  const announced = useRef<unknown>(null);
  useEffect(() => {
    if (rotated && announced.current !== rotated) {
      announced.current = rotated;
      onRotated();
    }
  }, [rotated, onRotated]);

  if (rotated) {
    return (
      <div className="space-y-4">
        <Alert tone="success">The secret was rotated. Copy the new secret into your server&apos;s configuration now.</Alert>
        <div>
          <p id="new-secret-label" className="text-sm font-medium text-zinc-800">
            New client secret
          </p>
          <div className="mt-1.5 flex items-start gap-2">
            <code
              aria-labelledby="new-secret-label"
              data-testid="new-client-secret"
              className="block min-w-0 flex-1 break-all rounded-md bg-zinc-50 px-3 py-2 font-mono text-sm ring-1 ring-inset ring-zinc-200"
            >
              {rotated.secret}
            </code>
            <span className="shrink-0 pt-1">
              <CopyButton value={rotated.secret} srLabel="new client secret" />
            </span>
          </div>
        </div>
        <p className="text-sm text-zinc-600">
          {rotated.previousSecretExpiresAt ? (
            <>
              The old secret stops working <RelativeTime date={rotated.previousSecretExpiresAt} />.
            </>
          ) : (
            "The old secret no longer works."
          )}
        </p>
        <div className="flex justify-end">
          <Button onClick={onClose} autoFocus>
            Done
          </Button>
        </div>
      </div>
    );
  }

  return (
    <form {...formProps} className="space-y-4">
      <p className="text-sm text-zinc-600">
        A new secret replaces the current one. Choose how long the old secret keeps working, so you can update your servers first.
      </p>
      {state.formError ? <Alert tone="error">{state.formError}</Alert> : null}
      <input type="hidden" name="clientId" value={clientId} />
      <fieldset aria-describedby={state.fieldErrors?.grace ? "grace-error" : undefined}>
        <legend className="text-sm font-medium text-zinc-800">Old secret keeps working for</legend>
        <div className="mt-2 space-y-2">
          {SECRET_GRACE_PERIODS.map((grace) => (
            <label key={grace} className="flex cursor-pointer items-center gap-2 text-sm text-zinc-800">
              <input type="radio" name="grace" value={grace} defaultChecked={grace === "1h"} className="size-4 accent-indigo-600" />
              {SECRET_GRACE_LABELS[grace]}
            </label>
          ))}
        </div>
        {state.fieldErrors?.grace ? (
          <p id="grace-error" role="alert" className="mt-1.5 text-sm text-red-700">
            {state.fieldErrors.grace[0]}
          </p>
        ) : null}
      </fieldset>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" variant="danger" pending={pending}>
          Rotate secret
        </Button>
      </div>
    </form>
  );
}
