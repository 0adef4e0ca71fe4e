// Saving from a page that may be stale: another tab or person may have saved
// since it loaded. Only the page's own changes are applied to what is stored.
// Pure, for the server actions and the pages alike.

/** What a save says when it kept another save's changes. */
export const KEPT_OTHER_CHANGES = "Changes saved elsewhere since this page loaded were kept.";

/**
 * A list after a save from a page that loaded `loaded` and now holds `mine`,
 * applied to what is `stored` now: what the page removed leaves, what it added
 * joins at the end, and the rest stays as stored, so that a save made since
 * the page loaded is kept. When nothing else changed the list (`stored` is
 * `loaded`), the page's list is taken as it is, order included.
 */
export function mergeOwnChanges<T>(stored: readonly T[], loaded: readonly T[], mine: readonly T[]): T[] {
  if (stored.length === loaded.length && stored.every((item, i) => item === loaded[i])) return [...mine];
  const wasLoaded = new Set(loaded);
  const isMine = new Set(mine);
  const kept = stored.filter((item) => isMine.has(item) || !wasLoaded.has(item));
  const isKept = new Set(kept);
  return [...kept, ...mine.filter((item) => !wasLoaded.has(item) && !isKept.has(item))];
}
