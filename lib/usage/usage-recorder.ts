import "server-only";
import { logError, logWarning } from "@/lib/log";
import { utcDay } from "@/lib/usage/utc-day";
import { usageRowsPerWrite, writeUsageBatch, type UsageBatch, type UsageCounter, type UsageRefusal } from "@/lib/usage/write-usage-batch";

// Write-behind batching of usage, so a bearer check never waits on a write:
// allowed/refused counts per token, permission and UTC day, the refused
// attempts themselves, and last-used times. The buffer only delays writes; the
// database stays the truth, and every instance adds its own increments with
// atomic upserts, so any number of instances can count the same token.

/** How often pending usage is written (about the most a crash can lose). */
const FLUSH_INTERVAL_MS = 1_000;
/**
 * Write early when this many distinct counters are pending. A counter sums a
 * token's uses of one permission until the next write, so writes must be far
 * enough apart for a token in use to come back: at 500, a server with 2,000
 * tokens in use wrote early every 30 ms or so, one upsert for nearly every
 * call, and its /api/v1/me cost 7 µs a call more than a server with fewer than
 * 500 tokens in use (measured with the bench).
 */
const FLUSH_THRESHOLD = 10_000;
/** Last-used times are written at most this often per token. */
const LAST_USED_EVERY_MS = 60_000;
/** Refused attempts kept per token, permission and operation per batch; the counts stay exact. */
const REFUSALS_PER_KEY_PER_BATCH = 5;
/**
 * If the database stays unreachable, stop growing the buffer here: five times
 * the early-write threshold, so that the counts arriving while a batch is
 * written have room.
 */
const MAX_PENDING = 50_000;

export interface UsageSubject {
  tokenId: string;
  /** OAuthClient.id */
  clientId: string;
  ownerId: string;
}

interface RecorderState {
  counters: Map<string, UsageCounter>;
  refusals: UsageRefusal[];
  refusalsPerKey: Map<string, number>;
  lastUsed: Map<string, { clientId: string; at: Date }>;
  /** tokenId -> when this process last queued a last-used write. */
  lastUsedQueuedAt: Map<string, number>;
  timer: ReturnType<typeof setTimeout> | null;
  flushing: Promise<void>;
  /** A flush is queued behind the running one; it will take whatever is pending. */
  flushQueued: boolean;
  /** After a failed write, no early write before this time (ms): the next try waits for the timer. */
  retryAt: number;
  /** Counts were dropped because the buffer was full, and that was logged. */
  dropping: boolean;
  exitHook: boolean;
}

// On globalThis: route handlers may be bundled separately, and they must
// share one buffer per process.
const globalForUsage = globalThis as unknown as { latchUsage?: RecorderState };

function state(): RecorderState {
  globalForUsage.latchUsage ??= {
    counters: new Map(),
    refusals: [],
    refusalsPerKey: new Map(),
    lastUsed: new Map(),
    lastUsedQueuedAt: new Map(),
    timer: null,
    flushing: Promise.resolve(),
    flushQueued: false,
    retryAt: 0,
    dropping: false,
    exitHook: false,
  };
  return globalForUsage.latchUsage;
}

function schedule(s: RecorderState): void {
  if (!s.exitHook) {
    s.exitHook = true;
    process.once("beforeExit", () => void flushUsage());
  }
  if (s.flushQueued) return;
  if (s.counters.size >= FLUSH_THRESHOLD && Date.now() >= s.retryAt) {
    void flushUsage();
    return;
  }
  if (s.timer) return;
  s.timer = setTimeout(() => void flushUsage(), FLUSH_INTERVAL_MS);
  // A pending flush must not keep a finished process alive.
  s.timer.unref();
}

function addCount(s: RecorderState, counter: UsageCounter): void {
  const key = `${counter.tokenId}\n${counter.permission}\n${counter.day}`;
  const existing = s.counters.get(key);
  if (existing) {
    existing.allowed += counter.allowed;
    existing.refused += counter.refused;
  } else if (s.counters.size < MAX_PENDING) {
    s.counters.set(key, { ...counter });
  } else if (!s.dropping) {
    s.dropping = true;
    logWarning("usage", `${MAX_PENDING} counters are waiting to be written; new ones are dropped until a write succeeds`);
  }
}

/** Counts one use of a permission, allowed or refused, by a token. */
export function recordPermissionUse(
  subject: UsageSubject,
  permission: string,
  allowed: boolean,
  operation: string,
  at: Date = new Date(),
): void {
  const s = state();
  const { tokenId, clientId, ownerId } = subject;
  addCount(s, { tokenId, clientId, ownerId, permission, day: utcDay(at), allowed: allowed ? 1 : 0, refused: allowed ? 0 : 1 });
  if (!allowed) {
    const key = `${tokenId}\n${permission}\n${operation}`;
    const kept = s.refusalsPerKey.get(key) ?? 0;
    if (kept < REFUSALS_PER_KEY_PER_BATCH && s.refusals.length < MAX_PENDING) {
      s.refusalsPerKey.set(key, kept + 1);
      s.refusals.push({ tokenId, clientId, ownerId, permission, operation, createdAt: at });
    }
  }
  schedule(s);
}

/**
 * Notes that a token was used. `storedLastUsedAt` is what the database held
 * when the token was looked up, so a token written recently by any instance
 * is not written again within the minute.
 */
export function recordTokenUse(
  subject: Pick<UsageSubject, "tokenId" | "clientId">,
  storedLastUsedAt: Date | null,
  at: Date = new Date(),
): void {
  const now = at.getTime();
  if (storedLastUsedAt && now - storedLastUsedAt.getTime() < LAST_USED_EVERY_MS) return;
  const s = state();
  const queued = s.lastUsedQueuedAt.get(subject.tokenId);
  if (queued !== undefined && now - queued < LAST_USED_EVERY_MS) return;
  s.lastUsedQueuedAt.set(subject.tokenId, now);
  s.lastUsed.set(subject.tokenId, { clientId: subject.clientId, at });
  schedule(s);
}

function takeBatch(s: RecorderState): UsageBatch {
  const batch = { counters: [...s.counters.values()], refusals: s.refusals, lastUsed: [...s.lastUsed] };
  s.counters = new Map();
  s.refusals = [];
  s.refusalsPerKey = new Map();
  s.lastUsed = new Map();
  const cutoff = Date.now() - LAST_USED_EVERY_MS;
  for (const [tokenId, queuedAt] of s.lastUsedQueuedAt) {
    if (queuedAt < cutoff) s.lastUsedQueuedAt.delete(tokenId);
  }
  return batch;
}

/** The batch in slices of at most `size` of each kind of row, in order (see usageRowsPerWrite). */
function slicesOf(batch: UsageBatch, size: number): UsageBatch[] {
  const count = Math.max(batch.counters.length, batch.refusals.length, batch.lastUsed.length);
  const slices: UsageBatch[] = [];
  for (let start = 0; start < count; start += size) {
    const end = start + size;
    slices.push({ counters: batch.counters.slice(start, end), refusals: batch.refusals.slice(start, end), lastUsed: batch.lastUsed.slice(start, end) });
  }
  return slices;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

async function writeBatch(s: RecorderState): Promise<void> {
  s.flushQueued = false;
  if (s.timer) {
    clearTimeout(s.timer);
    s.timer = null;
  }
  const slices = slicesOf(takeBatch(s), usageRowsPerWrite());
  for (let i = 0; i < slices.length; i++) {
    if (i > 0) await nextTurn();
    try {
      await writeUsageBatch(slices[i]!);
    } catch (error) {
      logError("usage flush", error);
      // Keep the counts of this slice and the ones after it for the next
      // attempt (the slices before it are written); refused-attempt rows and
      // last-used times are best effort. The next attempt waits for the
      // timer: a database that fails at once (disk full, read-only) would
      // otherwise be tried again and again without the event loop turning.
      s.retryAt = Date.now() + FLUSH_INTERVAL_MS;
      for (const slice of slices.slice(i)) for (const c of slice.counters) addCount(s, c);
      schedule(s);
      return;
    }
    s.dropping = false;
  }
}

/** Writes everything pending now. Concurrent calls run one after another. */
export function flushUsage(): Promise<void> {
  const s = state();
  if (s.timer) {
    clearTimeout(s.timer);
    s.timer = null;
  }
  s.flushQueued = true;
  s.flushing = s.flushing.then(() => writeBatch(s));
  return s.flushing;
}
