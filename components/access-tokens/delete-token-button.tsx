"use client";
import { DeleteTokensButton } from "@/components/access-tokens/delete-tokens-button";

/** `label` tells this token from others of the same name (OAuth tokens are all "OAuth: <client>") to screen readers. */
export function DeleteTokenButton({ id, name, label = name }: { id: string; name: string; label?: string }) {
  return (
    <DeleteTokensButton
      target={{ ids: [id] }}
      button={{ variant: "ghost", size: "sm", className: "text-red-700 hover:bg-red-50", "aria-label": `Delete token ${label}`, children: "Delete" }}
      title="Delete this token?"
      description={
        <>
          <strong className="font-medium text-zinc-900">{name}</strong> stops working at once: any app or agent using it loses access. This can&apos;t be undone.
        </>
      }
      confirmLabel="Delete token"
    />
  );
}
