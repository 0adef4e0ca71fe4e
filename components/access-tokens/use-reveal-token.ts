"use client";
import { useRef, useState } from "react";
import { runFormAction } from "@/components/ui/call-form-action";
import { useToast } from "@/components/ui/toast";
import { revealTokenAction } from "@/lib/tokens/token-actions";

/**
 * Fetches a token's plaintext from the server on demand (each fetch is
 * audited there) and keeps it in memory only, for Reveal and Copy.
 */
export function useRevealToken(id: string) {
  const toast = useToast();
  const plaintext = useRef<string | null>(null);
  const [shown, setShown] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function fetchToken(): Promise<string | null> {
    if (plaintext.current) return plaintext.current;
    const data = new FormData();
    data.set("id", id);
    setPending(true);
    try {
      const result = await runFormAction(revealTokenAction, data);
      if (result.status === "success" && result.data) {
        plaintext.current = result.data.token;
        return result.data.token;
      }
      toast(result.formError ?? "This token can't be shown.", "error");
    } finally {
      setPending(false);
    }
    return null;
  }

  async function reveal() {
    const token = await fetchToken();
    if (token) setShown(token);
  }

  return { shown, pending, reveal, hide: () => setShown(null), fetchToken };
}
