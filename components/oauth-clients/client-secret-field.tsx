"use client";
import { useState, useTransition } from "react";
import { callFormAction, errorMessage } from "@/components/ui/call-form-action";
import { RotateSecretDialog } from "@/components/oauth-clients/rotate-secret-dialog";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { RelativeTime } from "@/components/ui/relative-time";
import { useToast } from "@/components/ui/toast";
import { revealClientSecretAction } from "@/lib/clients/actions/client-secret-actions";

interface ClientSecretFieldProps {
  clientId: string;
  last4: string;
  /** ISO time until which the previous secret still works, while a grace period is running. */
  previousSecretExpiresAt: string | null;
}

/**
 * The masked secret with Reveal, Copy and Rotate. The secret is decrypted on
 * the server only when asked for (each time is audited) and kept in memory
 * only while shown.
 */
export function ClientSecretField({ clientId, last4, previousSecretExpiresAt }: ClientSecretFieldProps) {
  const [revealed, setRevealed] = useState<string | null>(null);
  const [rotating, setRotating] = useState(false);
  const [pending, startTransition] = useTransition();
  const toast = useToast();

  async function fetchSecret(): Promise<string | null> {
    if (revealed) return revealed;
    const result = await callFormAction(revealClientSecretAction, { clientId });
    if (result.status === "success" && result.data) return result.data.secret;
    toast(errorMessage(result), "error");
    return null;
  }

  function toggle() {
    if (revealed) {
      setRevealed(null);
      return;
    }
    startTransition(async () => {
      setRevealed(await fetchSecret());
    });
  }

  return (
    <div>
      <dt className="text-sm font-medium text-zinc-800">
        Client secret
      </dt>
      <dd className="mt-1.5 space-y-2">
        <div
          data-testid="client-secret"
          className="flex h-16 w-full items-center break-all rounded-md bg-zinc-50 px-3 font-mono text-sm text-zinc-800 ring-1 ring-inset ring-zinc-200 sm:h-10 sm:whitespace-nowrap"
        >
          {revealed ?? (
            <span>
              latch_cs_<span aria-hidden>••••••••</span>
              {last4}
              <span className="sr-only"> (hidden: choose Reveal to show it)</span>
            </span>
          )}
        </div>
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" size="sm" onClick={toggle} pending={pending} className="min-w-[4.5rem]">
            {revealed ? "Hide" : "Reveal"}
          </Button>
          <CopyButton value={fetchSecret} srLabel="client secret" />
          <Button variant="secondary" size="sm" onClick={() => setRotating(true)}>
            Rotate
          </Button>
        </div>
        <p className="text-xs text-zinc-500">
          Keep it on your server only, and rotate it if it may have leaked.
        </p>
        {previousSecretExpiresAt ? (
          <p className="text-sm text-amber-800">
            The previous secret still works during the grace period and stops working <RelativeTime date={previousSecretExpiresAt} />.
          </p>
        ) : null}
      </dd>
      <RotateSecretDialog
        clientId={clientId}
        open={rotating}
        onClose={() => setRotating(false)}
        onRotated={() => setRevealed(null)}
      />
    </div>
  );
}
