"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useDeleteTokens } from "@/components/access-tokens/use-delete-tokens";

/** Deletes the expired tokens the Expired filter shows (of its client, or all), after a confirmation. */
export function DeleteExpiredTokensButton({ clientId, clientName }: { clientId: string | null; clientName: string | null }) {
  const [open, setOpen] = useState(false);
  const { pending, run } = useDeleteTokens();
  const which = clientName ? (
    <>
      every expired token of <strong className="font-medium text-zinc-900">{clientName}</strong>
    </>
  ) : (
    "every expired token of all your clients"
  );
  return (
    <>
      <Button variant="secondary" size="sm" className="text-red-700" onClick={() => setOpen(true)}>
        Delete expired tokens
      </Button>
      <ConfirmDialog
        open={open}
        onClose={() => setOpen(false)}
        onConfirm={async () => {
          if (await run({ expired: true, clientId })) setOpen(false);
        }}
        pending={pending}
        title="Delete expired tokens?"
        description={
          <>
            This deletes {which}, on every page of the list. They already work for nothing; apps keep their refresh tokens. This can&apos;t be
            undone.
          </>
        }
        confirmLabel="Delete expired tokens"
      />
    </>
  );
}
