// Random bytes from a pool filled 4 KiB at a time. On these machines each call
// to crypto.randomBytes costs about 4 µs whatever its size (measured), and a
// token request needs three draws (the token, its row id, the encryption IV);
// Node's crypto.randomUUID keeps a pool for the same reason. Every byte is
// handed out once, copied out (into a Buffer that may share Node's small-buffer
// pool, as Buffer.allocUnsafe does) and wiped from the pool; the pool itself
// never leaves this module. Bytes not yet handed out sit in memory as the
// random generator's own state does.
import { randomFillSync } from "node:crypto";

const POOL_BYTES = 4096;
/** Larger draws skip the pool (they would empty it at once). */
const LARGEST_POOLED = 256;

const pool = Buffer.allocUnsafeSlow(POOL_BYTES);
let offset = POOL_BYTES;

/** `size` cryptographically secure random bytes (crypto.randomBytes, drawn from a pool). */
export function randomBytesPooled(size: number): Buffer {
  if (!Number.isInteger(size) || size < 0) throw new RangeError("size must be a non-negative integer");
  if (size > LARGEST_POOLED) return randomFillSync(Buffer.allocUnsafe(size));
  if (offset + size > POOL_BYTES) {
    randomFillSync(pool);
    offset = 0;
  }
  const bytes = Buffer.allocUnsafe(size);
  pool.copy(bytes, 0, offset, offset + size);
  // Spent bytes are overwritten so no copy of a handed-out secret stays behind.
  pool.fill(0, offset, offset + size);
  offset += size;
  return bytes;
}
