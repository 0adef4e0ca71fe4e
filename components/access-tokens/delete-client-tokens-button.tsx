"use client";
import { DeleteTokensButton } from "@/components/access-tokens/delete-tokens-button";

interface DeleteClientTokensButtonProps {
  clientId: string;
  clientName: string;
  count: number;
  /** The count stopped at `count`; there are more. */
  capped?: boolean;
}

/** Deletes every token of the client, after a confirmation that states how many. */
export function DeleteClientTokensButton({ clientId, clientName, count, capped = false }: DeleteClientTokensButtonProps) {
  const noun = count === 1 && !capped ? "1 token" : `${count.toLocaleString("en")}${capped ? "+" : ""} tokens`;
  return (
    <DeleteTokensButton
      target={{ clientId }}
      button={{ variant: "secondary", className: "text-red-700", children: "Delete all tokens" }}
      title={`Delete all ${noun}?`}
      description={
        <>
          Every access token of <strong className="font-medium text-zinc-900">{clientName}</strong> ({noun}) stops working at once, and the
          client&apos;s refresh tokens are revoked, so apps must be authorized again. This can&apos;t be undone.
        </>
      }
      confirmLabel={`Delete ${noun}`}
    />
  );
}
