"use client";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { matchesTypedConfirmation } from "@/components/ui/typed-confirmation";

interface ConfirmDialogProps {
  open: boolean;
  onClose: () => void;
  onConfirm: () => void | Promise<void>;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  /** When set, the owner must type this text before confirming (for deletes that cannot be undone). */
  typedConfirmation?: string;
  pending?: boolean;
  tone?: "danger" | "primary";
}

export function ConfirmDialog({
  open,
  onClose,
  onConfirm,
  title,
  description,
  confirmLabel,
  typedConfirmation,
  pending,
  tone = "danger",
}: ConfirmDialogProps) {
  const [typed, setTyped] = useState("");
  const ready = !typedConfirmation || matchesTypedConfirmation(typed, typedConfirmation);
  const close = () => {
    setTyped("");
    onClose();
  };
  return (
    <Dialog open={open} onClose={close} title={title} description={description} size="sm">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (ready) void onConfirm();
        }}
        className="space-y-4"
      >
        {typedConfirmation ? (
          <div className="space-y-1.5">
            <label htmlFor="typed-confirmation" className="block text-sm text-zinc-700">
              Type <strong className="font-mono">{typedConfirmation}</strong> to confirm
            </label>
            <input
              id="typed-confirmation"
              autoFocus
              autoComplete="off"
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              className="block w-full rounded-md border-0 px-3 py-2 text-sm ring-1 ring-inset ring-zinc-300 focus:ring-2 focus:ring-indigo-600"
            />
          </div>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={close} autoFocus={!typedConfirmation}>
            Cancel
          </Button>
          <Button type="submit" variant={tone} disabled={!ready} pending={pending}>
            {confirmLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
