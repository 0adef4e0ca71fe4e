"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useDeleteTokens } from "@/components/access-tokens/use-delete-tokens";

/** `label` tells this token from others of the same name (OAuth tokens are all "OAuth: <client>") to screen readers. */
export function DeleteTokenButton({ id, name, label = name }: { id: string; name: string; label?: string }) {
  const [open, setOpen] = useState(false);
  const { pending, run } = useDeleteTokens();
  return (
    <>
      <Button variant="ghost" size="sm" className="text-red-700 hover:bg-red-50" onClick={() => setOpen(true)} aria-label={`Delete token ${label}`}>
        Delete
      </Button>
      <ConfirmDialog
        open={open}
        onClose={() => setOpen(false)}
        onConfirm={async () => {
          if (await run({ ids: [id] })) setOpen(false);
        }}
        pending={pending}
        title="Delete this token?"
        description={
          <>
            <strong className="font-medium text-zinc-900">{name}</strong> stops working at once: any app or agent using it loses access. This can&apos;t be undone.
          </>
        }
        confirmLabel="Delete token"
      />
    </>
  );
}
