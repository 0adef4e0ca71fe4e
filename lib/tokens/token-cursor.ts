// Opaque keyset cursors for token lists (`?after=` / `?before=`). A cursor
// names a position, not a page: the ordering segment, the sort key's value and
// the row id as tie-breaker. Nothing secret is in it. Pure, so it is unit-tested.

export interface TokenCursor {
  /** Which ordering segment the row is in (see list-token-page.ts). */
  segment: number;
  /** The sort key (createdAt or lastUsedAt) in epoch milliseconds. */
  time: number;
  id: string;
}

const ID = /^[A-Za-z0-9_-]{1,100}$/;

export function encodeTokenCursor(cursor: TokenCursor): string {
  return Buffer.from(`${cursor.segment}.${cursor.time}.${cursor.id}`, "utf8").toString("base64url");
}

/** The cursor, or null for anything that is not one (then the list starts at the top). */
export function decodeTokenCursor(text: string | null | undefined): TokenCursor | null {
  if (!text || text.length > 200 || !/^[A-Za-z0-9_-]+$/.test(text)) return null;
  const [segment, time, id, ...rest] = Buffer.from(text, "base64url").toString("utf8").split(".");
  if (rest.length || segment === undefined || time === undefined || id === undefined) return null;
  if (!/^[0-9]$/.test(segment) || !/^[0-9]{1,15}$/.test(time) || !ID.test(id)) return null;
  return { segment: Number(segment), time: Number(time), id };
}
