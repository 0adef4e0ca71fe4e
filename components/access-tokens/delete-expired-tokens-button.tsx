"use client";
import { DeleteTokensButton } from "@/components/access-tokens/delete-tokens-button";

/** Deletes the expired tokens the Expired filter shows (of its client, or all), after a confirmation. */
export function DeleteExpiredTokensButton({ clientId, clientName }: { clientId: string | null; clientName: string | null }) {
  const which = clientName ? (
    <>
      every expired token of <strong className="font-medium text-zinc-900">{clientName}</strong>
    </>
  ) : (
    "every expired token of all your clients"
  );
  return (
    <DeleteTokensButton
      target={{ expired: true, clientId }}
      button={{ variant: "secondary", size: "sm", className: "text-red-700", children: "Delete expired tokens" }}
      title="Delete expired tokens?"
      description={
        <>
          This deletes {which}, on every page of the list. They already work for nothing; apps keep their refresh tokens. This can&apos;t be
          undone.
        </>
      }
      confirmLabel="Delete expired tokens"
    />
  );
}
