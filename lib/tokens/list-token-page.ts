import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "@/lib/db/prisma";
import type { TokenSort } from "@/lib/tokens/schemas";
import { decodeTokenCursor, encodeTokenCursor, type TokenCursor } from "@/lib/tokens/token-cursor";
import { tokenSummarySelect, toTokenSummary, type TokenSummary } from "@/lib/tokens/token-summary";

export const TOKEN_PAGE_SIZE = 25;
/** Counting stops here: "1,000+ tokens" costs a bounded scan, an exact count over 100k rows does not. */
export const TOKEN_COUNT_CAP = 1000;


export interface TokenPageRequest {
  /** `?after=`: the page of rows that come after this position. */
  after?: string | null;
  /** `?before=`: the page of rows that come before it (Previous). */
  before?: string | null;
}

export interface TokenPage {
  tokens: TokenSummary[];
  /** Cursor for Next, or null on the last page. */
  nextCursor: string | null;
  /** Cursor for Previous, or null on the first page. */
  previousCursor: string | null;
  /** Exact when `totalCapped` is false; otherwise "more than this". */
  total: number;
  totalCapped: boolean;
}

type Key = "createdAt" | "lastUsedAt";
interface Segment {
  key: Key;
  where: Prisma.AccessTokenWhereInput;
}

/**
 * Keyset pagination: each page is "the next 25 rows after (key, id)" in one
 * index order, so page 4,000 costs what page 1 costs (OFFSET would walk and
 * discard every earlier row), and a delete between clicks neither skips nor
 * repeats rows. Sorting by last use is two segments (used tokens by lastUsedAt,
 * then never-used ones by createdAt), so each walks a plain index range on
 * SQLite and PostgreSQL alike, whatever either does with NULLs.
 */
const SEGMENTS: Record<TokenSort, Segment[]> = {
  created: [{ key: "createdAt", where: {} }],
  last_used: [
    { key: "lastUsedAt", where: { lastUsedAt: { not: null } } },
    { key: "createdAt", where: { lastUsedAt: null } },
  ],
};

type Row = Prisma.AccessTokenGetPayload<{ select: typeof tokenSummarySelect }>;

function cursorOf(sort: TokenSort, row: Row): TokenCursor {
  const segment = SEGMENTS[sort].findIndex((s) => s.key === "createdAt" || row.lastUsedAt !== null);
  const key = SEGMENTS[sort][segment]!.key;
  return { segment, time: (row[key] ?? row.createdAt).getTime(), id: row.id };
}

async function readSegment(base: Prisma.AccessTokenWhereInput, segment: Segment, bound: TokenCursor | null, direction: "older" | "newer", take: number) {
  const op = direction === "older" ? "lt" : "gt";
  const conditions: Prisma.AccessTokenWhereInput[] = [base, segment.where];
  if (bound) {
    const at = new Date(bound.time);
    // The lte/gte half lets the database walk the index range; the OR breaks ties by id.
    conditions.push(
      { [segment.key]: { [direction === "older" ? "lte" : "gte"]: at } },
      { OR: [{ [segment.key]: { [op]: at } }, { [segment.key]: at, id: { [op]: bound.id } }] },
    );
  }
  const order = direction === "older" ? "desc" : "asc";
  return db().accessToken.findMany({
    where: { AND: conditions },
    orderBy: [{ [segment.key]: order }, { id: order }],
    take,
    select: tokenSummarySelect,
  });
}

async function readOlder(base: Prisma.AccessTokenWhereInput, sort: TokenSort, cursor: TokenCursor | null, size: number): Promise<Row[]> {
  const segments = SEGMENTS[sort];
  const rows: Row[] = [];
  for (let s = cursor?.segment ?? 0; s < segments.length && rows.length <= size; s++) {
    rows.push(...(await readSegment(base, segments[s]!, s === cursor?.segment ? cursor : null, "older", size + 1 - rows.length)));
  }
  return rows;
}

async function readNewer(base: Prisma.AccessTokenWhereInput, sort: TokenSort, cursor: TokenCursor, size: number): Promise<Row[]> {
  const segments = SEGMENTS[sort];
  const rows: Row[] = [];
  for (let s = cursor.segment; s >= 0 && rows.length <= size; s--) {
    rows.push(...(await readSegment(base, segments[s]!, s === cursor.segment ? cursor : null, "newer", size + 1 - rows.length)));
  }
  return rows;
}

function validCursor(sort: TokenSort, text: string | null | undefined): TokenCursor | null {
  const cursor = decodeTokenCursor(text);
  return cursor && cursor.segment < SEGMENTS[sort].length ? cursor : null;
}

/** One page of the tokens matching `where` (which must carry the owner id). */
export async function listTokenPage(
  where: Prisma.AccessTokenWhereInput & { ownerId: string },
  sort: TokenSort,
  request: TokenPageRequest,
  { size = TOKEN_PAGE_SIZE, countCap = TOKEN_COUNT_CAP }: { size?: number; countCap?: number } = {},
): Promise<TokenPage> {
  const now = Date.now();
  // Prisma orders a limited count by id unless told otherwise; ordering by
  // createdAt lets the database stop after countCap + 1 index entries.
  const counted = db().accessToken.count({ where, take: countCap + 1, orderBy: { createdAt: "desc" } });
  const page = async (): Promise<{ rows: Row[]; next: boolean; previous: boolean }> => {
    const before = validCursor(sort, request.before);
    if (before) {
      const rows = await readNewer(where, sort, before, size);
      // Fewer than a page before this point: that is the first page, so show it whole.
      if (rows.length > size) return { rows: rows.slice(0, size).reverse(), next: true, previous: true };
    }
    let after = before ? null : validCursor(sort, request.after);
    let rows = await readOlder(where, sort, after, size);
    if (after && rows.length === 0) {
      // Everything after the cursor was deleted meanwhile: start again at the top.
      after = null;
      rows = await readOlder(where, sort, null, size);
    }
    return { rows: rows.slice(0, size), next: rows.length > size, previous: after !== null };
  };
  const [{ rows, next, previous }, count] = await Promise.all([page(), counted]);
  const first = rows[0];
  const last = rows[rows.length - 1];
  return {
    tokens: rows.map((row) => toTokenSummary(row, now)),
    nextCursor: next && last ? encodeTokenCursor(cursorOf(sort, last)) : null,
    previousCursor: previous && first ? encodeTokenCursor(cursorOf(sort, first)) : null,
    total: Math.min(count, countCap),
    totalCapped: count > countCap,
  };
}
