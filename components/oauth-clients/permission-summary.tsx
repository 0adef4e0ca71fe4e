"use client";
import { useRef } from "react";
import { Button } from "@/components/ui/button";

interface PermissionSummaryProps {
  on: number;
  total: number;
  destructiveOn: number;
  onReadOnly: () => void;
}

/** The headline count, and a push towards least privilege while everything is on. */
export function PermissionSummary({ on, total, destructiveOn, onReadOnly }: PermissionSummaryProps) {
  const all = on === total;
  // The button goes with the banner once it has worked: the focus goes to the count it changed.
  const count = useRef<HTMLParagraphElement>(null);
  return (
    <div className="space-y-3">
      <p ref={count} tabIndex={-1} className="text-sm text-zinc-700 focus:outline-none">
        <strong className="text-base font-semibold text-zinc-900">{on}</strong> of {total} permissions on ·{" "}
        <span className={destructiveOn ? "text-red-700" : undefined}>
          <strong className="text-base font-semibold">{destructiveOn}</strong> destructive on
        </span>
      </p>
      {all ? (
        <div role="status" className="flex flex-col gap-3 rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200 ring-inset sm:flex-row sm:items-center">
          <p className="flex-1">
            <strong className="font-semibold">Every permission is on.</strong> This client, and every token it issues, can do anything
            your account can: charge and refund sales, delete customers, change payment settings. Turn off what it does not need.
            Least privilege keeps an AI agent from doing what it should not, even when it hallucinates a request.
          </p>
          <Button
            variant="secondary"
            size="sm"
            onClick={() => {
              onReadOnly();
              count.current?.focus();
            }}
            className="shrink-0 self-start sm:self-center"
          >
            Start from Read-only
          </Button>
        </div>
      ) : null}
    </div>
  );
}
