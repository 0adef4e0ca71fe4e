/** `latch_at_…x9Qz`: enough to recognise a token, useless to anyone who sees it. */
export function MaskedToken({ prefix, last4 }: { prefix: string; last4: string }) {
  return (
    <code className="whitespace-nowrap rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs text-zinc-800">
      {prefix}
      <span aria-hidden>…</span>
      <span className="sr-only">ending in </span>
      {last4}
    </code>
  );
}
