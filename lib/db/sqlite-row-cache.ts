import "server-only";
import { sqliteDataVersion } from "@/lib/db/sqlite-direct";

// Rows read on the direct SQLite connection (lib/db/sqlite-direct.ts), kept
// for as long as nothing can have changed them, so a hot row is not read and
// converted again on every request. A kept row is as current as a fresh read
// (but for what RowCacheOptions lets a cache ignore):
//
// - SQLite's `PRAGMA data_version` changes whenever any other connection
//   commits (Prisma's in this process, any other process), and a row is only
//   used while it is the same as when the row was read;
// - the direct connection's own writes do not change it, so each of those
//   that touches a cached table says so (noteSqliteRowsChanged). Of kept
//   rows it changes only the last-use times of tokens and clients
//   (lib/usage/write-usage-batch.ts), and deletes a refresh grant's expired
//   access tokens; the tokens and refresh tokens it inserts are new keys. A
//   cache whose rows leave those times out, or read them only as a hint,
//   need not hear of its writes (RowCacheOptions).
//
// Checking costs one pragma (about 1 µs in a loop, a statement of its own),
// or nothing where a read of the same request gave the data version already
// (introspection's token lookup); reading a client row with its 6 KB
// permission list costs about 12 µs in a loop and several times that under
// load (measured on these machines). Unknown keys are never kept.

// On globalThis, as the direct connection is: route handlers are bundled
// separately, and a note from one must reach the caches of all.
const changes = globalThis as unknown as { latchSqliteLocalChanges?: number };

function localChanges(): number {
  return changes.latchSqliteLocalChanges ?? 0;
}

/** Call after the direct connection commits a change to a table whose rows are cached. */
export function noteSqliteRowsChanged(): void {
  changes.latchSqliteLocalChanges = localChanges() + 1;
}

interface Kept<Row> {
  dataVersion: number;
  localChanges: number;
  row: Row;
}

export interface RowCacheOptions {
  /**
   * False where no kept column is one the direct connection writes, or
   * where its readers can do with an older value of one (see above and
   * lib/resource/find-bearer-token.ts): its rows then stay kept across its
   * batches of last-use times, which come every second or so while tokens
   * are in use.
   */
  changedByLocalWrites?: boolean;
}

export class SqliteRowCache<Row> {
  readonly #rows = new Map<string, Kept<Row>>();
  readonly #capacity: number;
  readonly #changedByLocalWrites: boolean;

  /** `capacity`: rows kept at most; the longest kept goes first. */
  constructor(capacity: number, { changedByLocalWrites = true }: RowCacheOptions = {}) {
    this.#capacity = capacity;
    this.#changedByLocalWrites = changedByLocalWrites;
  }

  /**
   * The row for `key`: the kept one while nothing can have changed it, else
   * `read()`'s (kept unless null). `dataVersion`: the direct connection's data
   * version as a read of this request saw it (DATA_VERSION_TABLE), instead of
   * asking again; `read()` then runs after that read, never before it.
   */
  get(key: string, read: () => Row | null, dataVersion = sqliteDataVersion()): Row | null {
    const local = this.#changedByLocalWrites ? localChanges() : 0;
    const kept = this.#rows.get(key);
    if (kept && kept.dataVersion === dataVersion && kept.localChanges === local) return kept.row;
    this.#rows.delete(key);
    const row = read();
    if (row === null) return null;
    if (this.#rows.size >= this.#capacity) this.#rows.delete(this.#rows.keys().next().value!);
    this.#rows.set(key, { dataVersion, localChanges: local, row });
    return row;
  }
}
