/** `latch_at_…x9Qz`: enough to recognise a token, useless to anyone who sees it. */
export function MaskedToken({ prefix, last4 }: { prefix: string; last4: string }) {
  return (
    <code className="whitespace-nowrap rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs text-zinc-800" title={`Token ending in ${last4}`}>
      {prefix}…{last4}
    </code>
  );
}
