"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";

interface CopyButtonProps {
  /** The text to copy, or a function that fetches it (e.g. decrypts a secret on demand). */
  value: string | (() => Promise<string | null>);
  label?: string;
  size?: "sm" | "md";
  /** What is copied, for screen readers when a page has several Copy buttons ("client ID"). */
  srLabel?: string;
}

/**
 * Writes text fetched on demand. Safari refuses a clipboard write that comes
 * after a server round trip (the click no longer counts); a ClipboardItem
 * given the promise is written within the click. Where that is missing
 * (older browsers), the text is awaited and written as such.
 */
async function writeFetched(fetchText: () => Promise<string | null>): Promise<void> {
  const text = fetchText().then((t) => {
    if (t === null) throw new Error("nothing to copy");
    return t;
  });
  if (typeof ClipboardItem !== "undefined" && typeof navigator.clipboard.write === "function") {
    try {
      await navigator.clipboard.write([new ClipboardItem({ "text/plain": text.then((t) => new Blob([t], { type: "text/plain" })) })]);
      return;
    } catch {
      // Fails again below when the text could not be had; else tries the older way.
    }
  }
  await navigator.clipboard.writeText(await text);
}

export function CopyButton({ value, label = "Copy", size = "sm", srLabel }: CopyButtonProps) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    try {
      if (typeof value === "string") await navigator.clipboard.writeText(value);
      else await writeFetched(value);
      setState("copied");
    } catch {
      setState("failed");
    }
    setTimeout(() => setState("idle"), 2000);
  }
  return (
    <Button variant="secondary" size={size} onClick={copy} aria-live="polite" className="min-w-[4.5rem]">
      {state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : label}
      {srLabel ? <span className="sr-only"> {srLabel}</span> : null}
    </Button>
  );
}
