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

export function CopyButton({ value, label = "Copy", size = "sm", srLabel }: CopyButtonProps) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    try {
      const text = typeof value === "string" ? value : await value();
      if (text === null) throw new Error("nothing to copy");
      await navigator.clipboard.writeText(text);
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
