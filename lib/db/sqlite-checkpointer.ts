import "server-only";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type Database from "better-sqlite3";
import { logError } from "@/lib/log";

// In WAL mode SQLite copies the log back into the database file (a
// checkpoint) on the connection whose commit took the log past 1,000 pages,
// and a checkpoint ends with an fsync of the database file. On the direct
// connection (lib/db/sqlite-direct.ts) that blocked the event loop: issuing a
// token cost 115 µs in commits of five, and 45 µs with the same checkpoints
// but no fsync (measured on the bench's database on these machines).
//
// So the direct connection does not checkpoint; a worker thread with a
// connection of its own does, PASSIVE (it never waits for, nor blocks,
// readers or writers), at most every CHECKPOINT_EVERY_MS while commits come.
// Reads stay as fast as with short logs: a reader only searches the pages
// not yet copied back.
//
// A log only starts over from its beginning when a writer finds every page in
// it copied back, which under steady writes the worker does not always
// achieve (commits land while it runs). Once the log is past RESTART_FRAMES
// pages, the direct connection therefore checkpoints the few pages since the
// worker's last checkpoint itself, right after one of its commits, and its
// next commit starts the log over. That short checkpoint (and its fsync) is
// the only one left on the event loop, and it is kept short: a checkpoint of
// the worker's that copied more than CATCH_UP_FRAMES pages while commits
// landed goes again at once, and mostly only a short one tells the direct
// connection the log's length. Without that, the direct connection's
// checkpoint copied what a whole 50 ms checkpoint of the worker's had let
// through: 9–17 ms on the event loop, four or five times a second while the
// bench issued 11,000 tokens a second, and a p99 of 24 ms. With it: 1.5 ms,
// the worker often catching up so that the log starts over by itself (8 of
// the direct connection's checkpoints in a 25 s run instead of about 100),
// 11% more tokens a second and a p99 of 10 ms (30 November 2026).
//
// The sync rules are SQLite's: each checkpoint syncs the log before copying
// and the database file after, whichever thread runs it, so what a crash or
// power loss can do is unchanged. If the worker cannot start, the direct
// connection checkpoints as SQLite does by default.

const CHECKPOINT_EVERY_MS = 50;
/** Pages in the log past which the direct connection checkpoints the rest itself, so the log starts over. */
export const RESTART_FRAMES = 4096;
/**
 * A worker's checkpoint that copied more pages than this, with commits
 * landing while it ran, goes again at once, MAX_CATCH_UPS times at most in a
 * row, before it tells the direct connection the log's length. The limit
 * keeps a log that grows faster than it is copied (a slow disk) from never
 * being reported, and so never starting over.
 */
const CATCH_UP_FRAMES = 32;
const MAX_CATCH_UPS = 8;

// Slots of the state shared with the worker (Int32Array).
const COMMITS = 0; // commits on the direct connection, counted by it
const RUNNING = 1; // 1 while the worker checkpoints
const LOG_FRAMES = 2; // pages in the log at the worker's last checkpoint
const PAUSE = 3; // never changes: the worker sleeps on it

const WORKER_SOURCE = `
const { workerData } = require("node:worker_threads");
const { createRequire } = require("node:module");
const Database = createRequire(workerData.resolveFrom)("better-sqlite3");
const db = new Database(workerData.file, { fileMustExist: true, timeout: 0 });
db.pragma("synchronous = NORMAL");
// A checkpoint copies pages from the log to the file without the page cache.
db.pragma("cache_size = -256");
const checkpoint = db.prepare("PRAGMA wal_checkpoint(PASSIVE)");
const state = new Int32Array(workerData.state);
const [COMMITS, RUNNING, LOG_FRAMES, PAUSE] = workerData.slots;
let checkpointed = -1;
// Pages of the log copied back when the last checkpoint ended.
let copiedBefore = 0;
// Checkpoints run back to back so far.
let catchUps = 0;
for (;;) {
  const commits = Atomics.load(state, COMMITS);
  if (commits !== checkpointed) {
    checkpointed = commits;
    Atomics.store(state, RUNNING, 1);
    let row;
    try {
      row = checkpoint.get();
    } finally {
      Atomics.store(state, RUNNING, 0);
    }
    // busy = 1: another checkpoint was running; the next commit brings this one back.
    if (row.busy === 0) {
      // Pages copied back since the last checkpoint ended (all of them in a
      // log that started over since and is still shorter; one that grew past
      // that again is counted short, which only means one catch-up less).
      const copied = row.checkpointed >= copiedBefore ? row.checkpointed - copiedBefore : row.checkpointed;
      copiedBefore = row.checkpointed;
      // A long checkpoint, with commits landing while it ran: go again at
      // once (a few times at most), before the direct connection hears of the
      // log's length, so that what it copies itself to start the log over is
      // what a short checkpoint left.
      if (copied > workerData.catchUpFrames && Atomics.load(state, COMMITS) !== checkpointed && catchUps < workerData.maxCatchUps) {
        catchUps += 1;
        continue;
      }
      Atomics.store(state, LOG_FRAMES, row.log);
    }
    catchUps = 0;
    Atomics.wait(state, PAUSE, 0, workerData.everyMs);
  } else {
    Atomics.wait(state, COMMITS, commits);
  }
}
`;

interface Checkpointer {
  state: Int32Array;
  worker: Worker;
  restart: Database.Statement;
}

const globalForCheckpointer = globalThis as unknown as { latchSqliteCheckpointer?: Checkpointer | null };

/**
 * Hands the checkpoints of `db` (the direct connection, open on `file`) to a
 * worker thread. Until the worker has opened the database the connection
 * keeps checkpointing as before; if the worker fails, it goes back to that.
 */
export function startCheckpointer(db: Database.Database, file: string): void {
  if (globalForCheckpointer.latchSqliteCheckpointer !== undefined) return;
  const state = new Int32Array(new SharedArrayBuffer(4 * Int32Array.BYTES_PER_ELEMENT));
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      file: path.resolve(file),
      // Resolved as the main thread resolves it (from the project directory).
      resolveFrom: path.join(process.cwd(), "package.json"),
      state: state.buffer,
      slots: [COMMITS, RUNNING, LOG_FRAMES, PAUSE],
      everyMs: CHECKPOINT_EVERY_MS,
      catchUpFrames: CATCH_UP_FRAMES,
      maxCatchUps: MAX_CATCH_UPS,
    },
    // It holds a prepared statement and a few numbers: a small heap of its own.
    resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 2 },
  });
  worker.unref();
  const checkpointer: Checkpointer = { state, worker, restart: db.prepare("PRAGMA wal_checkpoint(PASSIVE)") };
  globalForCheckpointer.latchSqliteCheckpointer = null;
  worker.once("online", () => {
    if (globalForCheckpointer.latchSqliteCheckpointer !== null || !db.open) return;
    db.pragma("wal_autocheckpoint = 0");
    globalForCheckpointer.latchSqliteCheckpointer = checkpointer;
  });
  worker.once("error", (error) => {
    globalForCheckpointer.latchSqliteCheckpointer = null;
    if (db.open) db.pragma("wal_autocheckpoint = 1000");
    logError("SQLite's checkpoint worker", error);
  });
}

/** Call after every commit on the direct connection. Never throws: the commit has happened. */
export function noteDirectCommit(): void {
  const checkpointer = globalForCheckpointer.latchSqliteCheckpointer;
  if (!checkpointer) return;
  const { state } = checkpointer;
  Atomics.add(state, COMMITS, 1);
  Atomics.notify(state, COMMITS);
  if (Atomics.load(state, LOG_FRAMES) > RESTART_FRAMES && Atomics.load(state, RUNNING) === 0) {
    Atomics.store(state, LOG_FRAMES, 0);
    try {
      checkpointer.restart.get();
    } catch (error) {
      // The log is as it was; the worker's next report brings this back.
      logError("SQLite checkpoint", error);
    }
  }
}
