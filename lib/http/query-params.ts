// The query parameters of a request URL. Pure, so it is unit-tested.

/**
 * The query parameters of an absolute URL, or null when it has none: a URL
 * without "?" is not parsed at all. Every API call asks twice (the bearer
 * check looks for a token in the query, then the operation reads its input),
 * and most carry no query.
 */
export function queryParams(url: string): URLSearchParams | null {
  return url.includes("?") ? new URL(url).searchParams : null;
}
