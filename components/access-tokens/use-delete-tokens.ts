"use client";
import { useState } from "react";
import { runFormAction } from "@/components/ui/call-form-action";
import { useToast } from "@/components/ui/toast";
import { deleteClientTokensAction, deleteExpiredTokensAction, deleteTokensAction } from "@/lib/tokens/token-actions";

/** Some tokens, all of a client's, or the expired ones (of a client, or all). */
export type DeleteTokensTarget = { ids: string[] } | { clientId: string } | { expired: true; clientId: string | null };

/** Runs a delete action, toasts the outcome and reports whether it worked. */
export function useDeleteTokens() {
  const toast = useToast();
  const [pending, setPending] = useState(false);
  async function run(target: DeleteTokensTarget): Promise<boolean> {
    const data = new FormData();
    if ("ids" in target) for (const id of target.ids) data.append("ids", id);
    else if (target.clientId !== null) data.set("clientId", target.clientId);
    setPending(true);
    try {
      const result =
        "ids" in target
          ? await runFormAction(deleteTokensAction, data)
          : "expired" in target
            ? await runFormAction(deleteExpiredTokensAction, data)
            : await runFormAction(deleteClientTokensAction, data);
      if (result.status === "success") {
        toast(result.message ?? "Deleted.");
        return true;
      }
      toast(result.formError ?? "Couldn't delete. Try again.", "error");
    } finally {
      setPending(false);
    }
    return false;
  }
  return { pending, run };
}
