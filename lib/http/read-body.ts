// Reads a request body as text without accepting more than `maxBytes`, so a
// huge body is refused before it is buffered.
import type { MaybePromise } from "@/lib/async/maybe-promise";

export type BodyText = { ok: true; text: string } | { ok: false; reason: "too_large" | "unreadable" };

/**
 * The production server's requests (server/web-bridge.mjs) hold a body it has
 * read already; this method hands its bytes over once without the stream
 * Node would build for them.
 */
const TAKE_BODY = Symbol.for("latch.takeBody");

interface BufferedBody {
  [TAKE_BODY]?: () => Uint8Array | null;
}

/** At once for a body already in memory, a promise for a stream (see lib/async/maybe-promise.ts). */
export function readBodyText(request: Request, maxBytes: number): MaybePromise<BodyText> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (Number.isFinite(declared) && declared > maxBytes) return { ok: false, reason: "too_large" };
  const buffered = (request as Request & BufferedBody)[TAKE_BODY]?.();
  if (buffered) {
    if (buffered.byteLength > maxBytes) return { ok: false, reason: "too_large" };
    return { ok: true, text: Buffer.from(buffered.buffer, buffered.byteOffset, buffered.byteLength).toString("utf8") };
  }
  if (!request.body) return { ok: true, text: "" };
  return readStream(request.body, maxBytes);
}

async function readStream(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<BodyText> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, reason: "too_large" };
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, reason: "unreadable" };
  }
  return { ok: true, text: Buffer.concat(chunks).toString("utf8") };
}
