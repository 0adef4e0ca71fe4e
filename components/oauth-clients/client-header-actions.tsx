"use client";
import { useState, useTransition } from "react";
import { callFormAction, errorMessage } from "@/components/ui/call-form-action";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { deleteClientAction, setClientDisabledAction } from "@/lib/clients/actions/client-status-actions";

interface ClientHeaderActionsProps {
  id: string;
  name: string;
  disabled: boolean;
}

/** Disable/Enable and Delete, each behind a confirmation where it hurts. */
export function ClientHeaderActions({ id, name, disabled }: ClientHeaderActionsProps) {
  const [open, setOpen] = useState<"disable" | "delete" | null>(null);
  const [pending, startTransition] = useTransition();
  const toast = useToast();

  function setDisabled(next: boolean) {
    startTransition(async () => {
      const result = await callFormAction(setClientDisabledAction, { clientId: id, disabled: String(next) });
      setOpen(null);
      if (result.status === "success") toast(result.message ?? (next ? "Client disabled." : "Client enabled."));
      else toast(errorMessage(result), "error");
    });
  }

  function remove() {
    startTransition(async () => {
      // On success the action redirects to the list, which says what happened.
      const result = await callFormAction(deleteClientAction, { clientId: id });
      if (result.status === "error") {
        setOpen(null);
        toast(errorMessage(result), "error");
      }
    });
  }

  return (
    <div className="flex flex-wrap gap-2">
      {disabled ? (
        // Pending (not disabled) while it works: the same button becomes Disable, and keeps the focus.
        <Button variant="secondary" pending={pending && open === null} onClick={() => setDisabled(false)}>
          Enable
        </Button>
      ) : (
        <Button variant="secondary" onClick={() => setOpen("disable")}>
          Disable
        </Button>
      )}
      <Button variant="danger" onClick={() => setOpen("delete")}>
        Delete
      </Button>

      <ConfirmDialog
        open={open === "disable"}
        onClose={() => setOpen(null)}
        onConfirm={() => setDisabled(true)}
        title={`Disable ${name}?`}
        description="Every token of this client stops working at once, and it cannot get new ones. You can enable it again later; its tokens then work again until they expire."
        confirmLabel="Disable client"
        pending={pending}
      />
      <ConfirmDialog
        open={open === "delete"}
        onClose={() => setOpen(null)}
        onConfirm={remove}
        title={`Delete ${name}?`}
        description="This deletes the client and every access and refresh token it has. Integrations using it stop working. This cannot be undone."
        confirmLabel="Delete client"
        typedConfirmation={name}
        pending={pending}
      />
    </div>
  );
}
