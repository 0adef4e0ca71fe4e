import "server-only";
import { AppError } from "@/lib/errors";

// Keyset pagination, newest first, on (createdAt, id): stable while rows are
// added, and the cursor is opaque to callers.

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

interface Position {
  createdAt: Date;
  id: string;
}

export function encodeCursor(row: Position): string {
  return Buffer.from(`${row.createdAt.getTime()}:${row.id}`, "utf8").toString("base64url");
}

export function decodeCursor(cursor: string): Position {
  const decoded = Buffer.from(cursor, "base64url").toString("utf8");
  const match = /^(\d{1,15}):([A-Za-z0-9_-]{1,64})$/.exec(decoded);
  if (!match) throw new AppError("bad_request", "The cursor is invalid; pass the nextCursor of a previous page.", { cursor: ["The cursor is invalid"] });
  return { createdAt: new Date(Number(match[1])), id: match[2]! };
}

/** The where-clause fragment for rows after the cursor (or none for the first page). */
export function afterCursor(cursor: string | undefined) {
  if (cursor === undefined) return {};
  const { createdAt, id } = decodeCursor(cursor);
  return { OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: id } }] };
}

export const NEWEST_FIRST = [{ createdAt: "desc" as const }, { id: "desc" as const }];

/** Rows fetched with `take: limit + 1` become a page and the cursor after it. */
export function toPage<T extends Position, R>(rows: T[], limit: number, map: (row: T) => R): Page<R> {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  const last = kept[kept.length - 1];
  return { data: kept.map(map), nextCursor: more && last ? encodeCursor(last) : null };
}
