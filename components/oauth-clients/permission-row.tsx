"use client";
import { memo } from "react";
import { PermissionUsage } from "@/components/oauth-clients/permission-usage";
import { Badge } from "@/components/ui/badge";
import { Switch } from "@/components/ui/switch";
import type { Permission, PermissionKind } from "@/lib/permissions/catalogue";
import type { UsageCount } from "@/lib/usage/get-client-usage";

const KIND_BADGE: Record<PermissionKind, { tone: "neutral" | "indigo" | "red"; label: string }> = {
  read: { tone: "neutral", label: "Read" },
  write: { tone: "indigo", label: "Write" },
  destructive: { tone: "red", label: "Destructive" },
};

interface PermissionRowProps {
  permission: Permission;
  checked: boolean;
  /** Differs from what is saved. */
  changed: boolean;
  /** Uses and refusals in the last 30 days; absent means none. */
  usage: UsageCount | undefined;
  onToggle: (key: string, on: boolean) => void;
}

/** One permission: label, key, description, kind, its recent use and its switch. Memoized: a toggle re-renders only its own row. */
export const PermissionRow = memo(function PermissionRow({ permission, checked, changed, usage, onToggle }: PermissionRowProps) {
  const { key, label, description, kind } = permission;
  const badge = KIND_BADGE[kind];
  const destructive = kind === "destructive";
  return (
    <li
      className={`flex items-start gap-4 border-l-2 py-3 pr-4 pl-3.5 sm:pl-5 ${
        destructive ? "border-red-400 bg-red-50/30" : "border-transparent"
      }`}
    >
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <label id={`perm-${key}-label`} htmlFor={`perm-${key}`} className="cursor-pointer text-sm font-medium text-zinc-900">
            {label}
          </label>
          <Badge tone={badge.tone}>{badge.label}</Badge>
          <PermissionUsage usage={usage} />
          {changed ? (
            <span className="inline-flex items-center gap-1 text-xs font-medium text-amber-700">
              <span aria-hidden className="size-1.5 rounded-full bg-amber-500" />
              {checked ? "Turning on" : "Turning off"}
            </span>
          ) : null}
        </div>
        <p className="mt-0.5 font-mono text-xs break-all text-zinc-500">{key}</p>
        <p id={`perm-${key}-description`} className="mt-1 text-sm text-zinc-600">
          {description}
        </p>
      </div>
      <div className="pt-0.5">
        <Switch
          id={`perm-${key}`}
          checked={checked}
          onChange={(on) => onToggle(key, on)}
          labelledBy={`perm-${key}-label`}
          describedBy={`perm-${key}-description`}
        />
      </div>
    </li>
  );
});
