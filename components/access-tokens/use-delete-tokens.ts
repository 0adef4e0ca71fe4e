"use client";
import { useState } from "react";
import { runFormAction } from "@/components/ui/call-form-action";
import { useToast } from "@/components/ui/toast";
import { deleteClientTokensAction, deleteTokensAction } from "@/lib/tokens/token-actions";

type Target = { ids: string[] } | { clientId: string };

/** Runs a delete action, toasts the outcome and reports whether it worked. */
export function useDeleteTokens() {
  const toast = useToast();
  const [pending, setPending] = useState(false);
  async function run(target: Target): Promise<boolean> {
    const data = new FormData();
    if ("ids" in target) for (const id of target.ids) data.append("ids", id);
    else data.set("clientId", target.clientId);
    setPending(true);
    try {
      const result = "ids" in target ? await runFormAction(deleteTokensAction, data) : await runFormAction(deleteClientTokensAction, data);
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
