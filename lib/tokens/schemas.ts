import { z } from "zod";
import { hasNoControlCharacters } from "@/lib/validation/control-characters";

// Shared by the Create Access Token dialog (choices, date bounds) and the
// server action (validation). No server-only import: the dialog needs it.

export const TOKEN_NAME_MAX = 100;
export const MAX_CUSTOM_EXPIRY_YEARS = 5;

export const EXPIRY_CHOICES = ["30", "60", "90", "custom", "none"] as const;
export type ExpiryChoice = (typeof EXPIRY_CHOICES)[number];
export const DEFAULT_EXPIRY: ExpiryChoice = "30";

export const EXPIRY_LABELS: Record<ExpiryChoice, string> = {
  "30": "30 days",
  "60": "60 days",
  "90": "90 days",
  custom: "Custom date",
  none: "No expiry",
};

const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "YYYY-MM-DD" as a UTC midnight timestamp, or null when it is no real date. */
function parseIsoDate(text: string): number | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? time : null;
}

function isoDate(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/**
 * The owner's calendar day as "YYYY-MM-DD", given the browser's
 * `getTimezoneOffset()` (minutes behind UTC, so UTC+2 is -120).
 */
export function localToday(now: number, timezoneOffset: number): string {
  return isoDate(now - timezoneOffset * 60_000);
}

/** Bounds of the custom date input: tomorrow to five years from today. */
export function customDateBounds(now: number, timezoneOffset: number): { min: string; max: string } {
  const today = parseIsoDate(localToday(now, timezoneOffset))!;
  const max = new Date(today);
  max.setUTCFullYear(max.getUTCFullYear() + MAX_CUSTOM_EXPIRY_YEARS);
  return { min: isoDate(today + DAY_MS), max: isoDate(max.getTime()) };
}

/** The instant a token made now with this choice expires; a custom date lasts to the end of that day, local time. */
export function expiryInstant(choice: ExpiryChoice, now: number, expiresOn: string, timezoneOffset: number): Date | null {
  if (choice === "none") return null;
  if (choice === "custom") {
    const day = parseIsoDate(expiresOn);
    return day === null ? null : new Date(day + DAY_MS - 1 + timezoneOffset * 60_000);
  }
  return new Date(now + Number(choice) * DAY_MS);
}

export const createTokenSchema = z
  .object({
    clientId: z.string({ message: "Choose a client." }).min(1, "Choose a client.").max(100, "Choose a client.").refine(hasNoControlCharacters, "Choose a client."),
    name: z
      .string({ message: "Give the token a name." })
      .trim()
      .min(1, "Give the token a name.")
      .max(TOKEN_NAME_MAX, `Use at most ${TOKEN_NAME_MAX} characters.`)
      .refine(hasNoControlCharacters, "The name cannot contain control characters."),
    expiry: z.enum(EXPIRY_CHOICES, { message: "Choose when the token expires." }),
    expiresOn: z.string().max(20, "Pick a date.").optional().default(""),
    // Minutes from getTimezoneOffset(); real offsets lie within ±14 hours.
    timezoneOffset: z.coerce.number().int().min(-840).max(840).catch(0),
  })
  .superRefine((input, ctx) => {
    if (input.expiry !== "custom") return;
    if (parseIsoDate(input.expiresOn) === null) {
      ctx.addIssue({ code: "custom", path: ["expiresOn"], message: "Pick a date." });
      return;
    }
    const { min, max } = customDateBounds(Date.now(), input.timezoneOffset);
    if (input.expiresOn < min) ctx.addIssue({ code: "custom", path: ["expiresOn"], message: "Pick a date in the future." });
    else if (input.expiresOn > max) {
      ctx.addIssue({ code: "custom", path: ["expiresOn"], message: `Pick a date at most ${MAX_CUSTOM_EXPIRY_YEARS} years ahead.` });
    }
  })
  .transform((input) => ({
    clientId: input.clientId,
    name: input.name,
    expiresAt: expiryInstant(input.expiry, Date.now(), input.expiresOn, input.timezoneOffset),
  }));

export type CreateTokenInput = z.output<typeof createTokenSchema>;

const id = z.string().min(1).max(100).refine(hasNoControlCharacters);

export const tokenIdSchema = z.object({ id });

export const MAX_TOKENS_PER_DELETE = 100;
export const deleteTokensSchema = z.object({
  ids: z.preprocess(
    (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
    z.array(id).min(1, "Select at least one token.").max(MAX_TOKENS_PER_DELETE, `Delete at most ${MAX_TOKENS_PER_DELETE} tokens at once.`),
  ),
});

export const clientIdSchema = z.object({ clientId: id });

/** "Delete expired tokens": of one client, or (no clientId) of all the owner's. */
export const deleteExpiredTokensSchema = z.object({ clientId: id.optional() });

export const TOKEN_STATUSES = ["all", "active", "expired"] as const;
export type TokenStatus = (typeof TOKEN_STATUSES)[number];
export const TOKEN_STATUS_LABELS: Record<TokenStatus, string> = { all: "All", active: "Active", expired: "Expired" };

export const TOKEN_SORTS = ["created", "last_used"] as const;
export type TokenSort = (typeof TOKEN_SORTS)[number];
export const TOKEN_SORT_LABELS: Record<TokenSort, string> = { created: "Date created", last_used: "Last used" };

const queryText = z.string().max(200).refine(hasNoControlCharacters).optional().catch(undefined);

/** The token lists' query string; anything odd falls back to the default instead of failing. */
export const tokenListQuerySchema = z.object({
  client: queryText,
  status: z.enum(TOKEN_STATUSES).catch("all"),
  sort: z.enum(TOKEN_SORTS).catch("created"),
  after: queryText,
  before: queryText,
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
});

export type TokenListQuery = z.output<typeof tokenListQuerySchema>;

/** Search params as Next gives them: repeated keys keep their first value. */
export function parseTokenListQuery(params: Record<string, string | string[] | undefined>): TokenListQuery {
  const first = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return tokenListQuerySchema.parse(first);
}
