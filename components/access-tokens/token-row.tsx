"use client";
import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { RelativeTime } from "@/components/ui/relative-time";
import { DeleteTokenButton } from "@/components/access-tokens/delete-token-button";
import { MaskedToken } from "@/components/access-tokens/masked-token";
import { TokenSecretBox } from "@/components/access-tokens/token-secret-box";
import { useRevealToken } from "@/components/access-tokens/use-reveal-token";
import { CREATED_VIA_LABELS } from "@/lib/tokens/token-kinds";
import type { TokenSummary } from "@/lib/tokens/token-summary";

interface TokenRowProps {
  token: TokenSummary;
  columns: string;
  showClient: boolean;
  selection?: { selected: boolean; onChange: (selected: boolean) => void };
}

/** A labelled cell: the label shows on small screens and stays for screen readers on wide ones. */
function Cell({ label, children, className = "" }: { label: string; children: ReactNode; className?: string }) {
  return (
    <div className={`min-w-0 text-sm ${className}`}>
      <span className="mr-1.5 text-xs text-zinc-500 lg:sr-only">{label}</span>
      {children}
    </div>
  );
}

export function TokenRow({ token, columns, showClient, selection }: TokenRowProps) {
  const { shown, pending, reveal, hide, fetchToken } = useRevealToken(token.id);
  // Names repeat (every OAuth token of a client is "OAuth: <client>"): controls
  // name the token by its last characters too, as the row shows them.
  const label = `${token.name}, ending ${token.last4}`;
  return (
    <li className="px-4 py-4 text-sm lg:py-3">
      <div className={`grid grid-cols-[auto_minmax(0,1fr)_auto] items-center gap-x-3 gap-y-2 ${columns}`}>
        {selection ? (
          <input
            type="checkbox"
            checked={selection.selected}
            onChange={(e) => selection.onChange(e.target.checked)}
            aria-label={`Select token ${label}`}
            className="size-4 accent-indigo-600"
          />
        ) : null}
        <div className={`min-w-0 ${selection ? "" : "col-span-2 lg:col-span-1"}`}>
          <p className="line-clamp-2 break-words font-medium text-zinc-900" title={token.name}>
            {token.name}
          </p>
          <p className="text-xs text-zinc-500">{CREATED_VIA_LABELS[token.createdVia]}</p>
        </div>
        <div className="flex justify-end lg:order-last">
          <DeleteTokenButton id={token.id} name={token.name} label={label} />
        </div>
        <div className="col-span-full flex flex-wrap items-center gap-2 lg:col-span-1">
          <MaskedToken prefix={token.prefix} last4={token.last4} />
          {token.revealable ? (
            <span className="flex gap-1.5">
              <Button
                variant="secondary"
                size="sm"
                pending={pending && !shown}
                onClick={shown ? hide : reveal}
                aria-expanded={Boolean(shown)}
                aria-label={`${shown ? "Hide" : "Reveal"} token ${label}`}
              >
                {shown ? "Hide" : "Reveal"}
              </Button>
              <CopyButton value={fetchToken} srLabel={`token ${label}`} />
            </span>
          ) : null}
        </div>
        {showClient ? (
          <Cell label="Client" className="col-span-full truncate lg:col-span-1">
            <Link href={`/user/oauth-clients/${token.client.id}/access-tokens`} className="font-medium text-indigo-700 hover:underline" title={token.client.name}>
              {token.client.name}
            </Link>
          </Cell>
        ) : null}
        <div className="col-span-full grid grid-cols-3 gap-2 lg:contents">
          <Cell label="Created" className="flex flex-col lg:block">
            <RelativeTime date={token.createdAt} />
          </Cell>
          <Cell label="Expires" className="flex flex-col lg:block">
            {token.expired ? (
              <span className="flex flex-wrap items-center gap-1.5">
                <Badge tone="red">Expired</Badge>
                <RelativeTime date={token.expiresAt} />
              </span>
            ) : (
              <span className="flex flex-wrap items-center gap-1.5">
                {token.client.disabled ? <Badge tone="amber">Client disabled</Badge> : null}
                <RelativeTime date={token.expiresAt} empty="Never" />
              </span>
            )}
          </Cell>
          <Cell label="Last used" className="flex flex-col lg:block">
            <RelativeTime date={token.lastUsedAt} empty="Never" />
          </Cell>
        </div>
      </div>
      {shown ? (
        <div className="mt-3">
          <TokenSecretBox token={shown} label={`Access token ${token.name}`} actions={<CopyButton value={shown} srLabel={`token ${label}`} />} />
        </div>
      ) : null}
    </li>
  );
}
