// A value, or a promise of it, from a function that has the answer at once
// on one path (SQLite, read synchronously) and not on another (PostgreSQL).
// Hot paths wait only for a promise: once any page has rendered, Next's
// request-context tracking (AsyncLocalStorage, on async hooks in Node 20)
// runs for every promise made, each await included. A fast-path request cost
// 14% more CPU after one page render (measured under load, before this).

export type MaybePromise<T> = T | Promise<T>;

/**
 * True when there is a promise to wait for. Only a real Promise counts: a
 * function returning MaybePromise must not return another thenable (a
 * PrismaPromise, say) without `Promise.resolve` around it.
 */
export function isPromise<T>(value: MaybePromise<T>): value is Promise<T> {
  return value instanceof Promise;
}
