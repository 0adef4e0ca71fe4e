"use client";
import { useState, type ComponentProps, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useDeleteTokens, type DeleteTokensTarget } from "@/components/access-tokens/use-delete-tokens";

interface DeleteTokensButtonProps {
  target: DeleteTokensTarget;
  /** The button that opens the confirmation: its look, label and accessible name. */
  button: Omit<ComponentProps<typeof Button>, "onClick">;
  title: string;
  description: ReactNode;
  confirmLabel: string;
}

/** A button that deletes tokens (some, a client's, the expired ones) once the owner confirms. */
export function DeleteTokensButton({ target, button, title, description, confirmLabel }: DeleteTokensButtonProps) {
  const [open, setOpen] = useState(false);
  const { pending, run } = useDeleteTokens();
  return (
    <>
      <Button {...button} onClick={() => setOpen(true)} />
      <ConfirmDialog
        open={open}
        onClose={() => setOpen(false)}
        onConfirm={async () => {
          if (await run(target)) setOpen(false);
        }}
        pending={pending}
        title={title}
        description={description}
        confirmLabel={confirmLabel}
      />
    </>
  );
}
