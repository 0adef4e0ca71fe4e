"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useDeleteTokens } from "@/components/access-tokens/use-delete-tokens";

/** Deletes every token of the client, after a confirmation that states how many. */
interface DeleteClientTokensButtonProps {
  clientId: string;
  clientName: string;
  count: number;
  /** The count stopped at `count`; there are more. */
  capped?: boolean;
}

export function DeleteClientTokensButton({ clientId, clientName, count, capped = false }: DeleteClientTokensButtonProps) {
  const [open, setOpen] = useState(false);
  const { pending, run } = useDeleteTokens();
  const noun = count === 1 && !capped ? "1 token" : `${count.toLocaleString("en")}${capped ? "+" : ""} tokens`;
  return (
    <>
      <Button variant="secondary" className="text-red-700" onClick={() => setOpen(true)}>
        Delete all tokens
      </Button>
      <ConfirmDialog
        open={open}
        onClose={() => setOpen(false)}
        onConfirm={async () => {
          if (await run({ clientId })) setOpen(false);
        }}
        pending={pending}
        title={`Delete all ${noun}?`}
        description={
          <>
            Every access token of <strong className="font-medium text-zinc-900">{clientName}</strong> ({noun}) stops working at once, and the
            client&apos;s refresh tokens are revoked, so apps must be authorized again. This can&apos;t be undone.
          </>
        }
        confirmLabel={`Delete ${noun}`}
      />
    </>
  );
}
