import "server-only";
import type { Prisma } from "@prisma/client";
import { CREATED_VIA, type CreatedVia } from "@/lib/tokens/token-kinds";

/** What a page may know about a token: never the hash or the encrypted copy. */
export interface TokenSummary {
  id: string;
  name: string;
  prefix: string;
  last4: string;
  createdVia: CreatedVia;
  /** `disabled`: the client is disabled, so the token works for nothing until it is enabled again. */
  client: { id: string; name: string; disabled: boolean };
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  expired: boolean;
  /** False for tokens stored without an encrypted copy. */
  revealable: boolean;
}

export const tokenSummarySelect = {
  id: true,
  name: true,
  prefix: true,
  last4: true,
  createdVia: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
  encrypted: true,
  client: { select: { id: true, name: true, disabled: true } },
} satisfies Prisma.AccessTokenSelect;

type Row = Prisma.AccessTokenGetPayload<{ select: typeof tokenSummarySelect }>;

export function toTokenSummary(row: Row, now = Date.now()): TokenSummary {
  const createdVia = (CREATED_VIA as readonly string[]).includes(row.createdVia) ? (row.createdVia as CreatedVia) : "manual";
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    last4: row.last4,
    createdVia,
    client: row.client,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    lastUsedAt: row.lastUsedAt,
    expired: row.expiresAt !== null && row.expiresAt.getTime() <= now,
    revealable: row.encrypted !== null,
  };
}
