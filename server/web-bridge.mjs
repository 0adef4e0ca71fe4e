// Node request in, Web Request out; Web Response in, Node response out: the
// same conversions Next makes for a route handler (next/dist/server/send-response
// and NextRequestAdapter), without its per-request routing, tracing and
// async-storage set-up.
//
// The request is the platform's Request, not Next's NextRequest subclass: every
// machine route handler takes a `Request` (their types say so, and TypeScript
// holds them to it), so NextRequest's extras (a parsed NextURL, cookies) were
// work no handler used, about 9 µs of every request (measured in a loop).
import { isIPv6 } from "node:net";

/** Request headers Next strips because only its own infrastructure may set them. */
const INTERNAL_REQUEST_HEADERS = new Set([
  "x-middleware-rewrite",
  "x-middleware-redirect",
  "x-middleware-set-cookie",
  "x-middleware-skip",
  "x-middleware-override-headers",
  "x-middleware-next",
  "x-now-route-matches",
  "x-matched-path",
  "x-nextjs-data",
  "x-next-resume-state-length",
  "next-resume",
]);
/** Response headers Next never forwards from a handler (it frames the body itself). */
const DROPPED_RESPONSE_HEADERS = new Set(["content-length", "content-encoding", "transfer-encoding", "x-middleware-set-cookie", "set-cookie"]);
/** Response headers a handler may add beside one the configuration already set. */
const REPEATABLE_RESPONSE_HEADERS = new Set(["www-authenticate", "proxy-authenticate", "vary"]);
/**
 * Bodies up to this size are read before the handler runs; larger ones
 * stream, as under Next. 64 KiB is the most the token endpoints and the API
 * accept: a client that announces a megabyte (MCP takes up to 1 MiB) holds no
 * megabyte of memory before any check, and the handler refuses an oversized
 * one from its Content-Length at once.
 */
const BUFFERED_BODY_LIMIT = 64 * 1024;

/**
 * The absolute URL Next gives a handler: the configured hostname and port,
 * not the Host header (LATCH_PUBLIC_URL is what the app uses for its own URLs).
 */
export function requestOrigins(hostname, port) {
  const host = hostname ? (isIPv6(hostname) ? `[${hostname}]` : hostname) : "localhost";
  return { http: `http://${host}:${port}`, https: `https://${host}:${port}` };
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on("data", (chunk) => {
      chunks.push(chunk);
      size += chunk.length;
    });
    req.once("end", () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size)));
    req.once("error", reject);
  });
}

/** The method lib/http/read-body.ts calls for the bytes of an unread body that is already in memory. */
const TAKE_BODY = Symbol.for("latch.takeBody");

function bodyUnusable() {
  return new TypeError("Body is unusable: Body has already been read");
}

/**
 * A Request whose body was read before the handler ran, kept as those
 * bytes until something reads it. Node 20's Request builds a ReadableStream
 * (and more) for every body it is given, about 20 µs a request on these
 * machines; this one builds it only when `body` is asked for, and behaves as
 * `new Request(url, { method, headers, body })` does through every public
 * member but one: `new Request(request)` (or fetch) would copy no body, since
 * the platform copies its own hidden one, so a handler passes this request on
 * as it is. lib/http/read-body.ts takes the bytes as they are.
 */
class BufferedRequest extends Request {
  #bytes;
  #used = false;
  /** The Response the body moved to once a stream was asked for. */
  #streamed = null;

  constructor(url, init, bytes) {
    super(url, init);
    this.#bytes = bytes;
  }

  static {
    Object.defineProperties(BufferedRequest.prototype, {
      body: {
        configurable: true,
        get() {
          return this.#stream().body;
        },
      },
      bodyUsed: {
        configurable: true,
        get() {
          return this.#streamed ? this.#streamed.bodyUsed : this.#used;
        },
      },
    });
  }

  #stream() {
    if (!this.#streamed) {
      const type = this.headers.get("content-type");
      this.#streamed = new Response(this.#bytes, type === null ? {} : { headers: { "content-type": type } });
      // A body read already stays read.
      if (this.#used) this.#streamed.arrayBuffer().catch(() => {});
    }
    return this.#streamed;
  }

  /** The bytes, once: null when the body was read or handed to a stream. */
  [TAKE_BODY]() {
    if (this.#used || this.#streamed) return null;
    this.#used = true;
    return this.#bytes;
  }

  #take() {
    const bytes = this[TAKE_BODY]();
    if (bytes === null) throw bodyUnusable();
    return bytes;
  }

  async text() {
    if (this.#streamed) return this.#streamed.text();
    // As the platform decodes a body: a leading BOM goes, bad sequences become U+FFFD.
    return new TextDecoder().decode(this.#take());
  }

  async json() {
    return JSON.parse(await this.text());
  }

  async bytes() {
    if (this.#streamed) return new Uint8Array(await this.#streamed.arrayBuffer());
    return new Uint8Array(this.#take());
  }

  async arrayBuffer() {
    const bytes = await this.bytes();
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  }

  blob() {
    // The platform's, for its Content-Type rules.
    return this.#stream().blob();
  }

  formData() {
    return this.#stream().formData();
  }

  clone() {
    if (this.bodyUsed) throw new TypeError("Request.clone: Body has already been consumed.");
    if (this.#streamed) {
      return new Request(this.url, { method: this.method, headers: this.headers, body: this.#streamed.clone().body, duplex: "half", signal: this.signal });
    }
    return new BufferedRequest(this.url, { method: this.method, headers: this.headers, signal: this.signal }, this.#bytes);
  }
}

/**
 * The Web Request for a Node request: at once for a GET or HEAD, once its
 * body has arrived for anything else (not a promise where none is needed:
 * each one costs more than its own making once Next's request-context
 * tracking is on, after any page has rendered).
 * @returns {Request | Promise<Request>}
 */
export function toWebRequest(req, origins) {
  const source = req.headers;
  const proto = req.socket.encrypted || source["x-forwarded-proto"]?.includes("https") ? origins.https : origins.http;
  const url = proto + req.url;
  const method = req.method;
  if (method === "GET" || method === "HEAD") return withHeaders(new Request(url, { method }), source);

  const length = Number(source["content-length"]);
  if (source["content-length"] !== undefined && length <= BUFFERED_BODY_LIMIT) {
    return readBody(req).then((bytes) => withHeaders(new BufferedRequest(url, { method }, bytes), source));
  }
  // The Node request itself, read only when the handler reads the body: one
  // that answers without reading it (a 401, a 413) leaves Node to discard the
  // rest, as it does under Next, and the connection serves the next request.
  // (Readable.toWeb starts reading at once, and a body left half read then
  // stalled the connection.)
  return withHeaders(new Request(url, { method, body: req, duplex: "half" }), source);
}

/**
 * The Node request's headers added to the Web request's own, but those only
 * Next's infrastructure may set. Added after the Request is made: a Headers
 * given to its constructor is copied header by header into a new one.
 */
function withHeaders(request, source) {
  const headers = request.headers;
  for (const name in source) {
    if (INTERNAL_REQUEST_HEADERS.has(name)) continue;
    const value = source[name];
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.append(name, value);
  }
  return request;
}

/**
 * Sets the headers one by one (headerList's, without a Content-Length), for
 * an answer that is streamed, has no body, or passes the compression
 * middleware, which watches each header as it is set.
 */
function writeHeaders(res, response, options) {
  res.statusCode = response.status;
  if (response.statusText) res.statusMessage = response.statusText;
  const list = headerList(response, options, null);
  for (let i = 0; i < list.length; i += 2) res.appendHeader(list[i], list[i + 1]);
}

/** A Vary value with `field` added unless it is there (or Vary is "*"), as the compression middleware's vary() adds it. */
function withVaryField(value, field) {
  const fields = value.split(",").map((f) => f.trim().toLowerCase());
  if (fields.includes("*") || fields.includes(field.toLowerCase())) return value;
  return value ? `${value}, ${field}` : field;
}

/**
 * What headerList does for every response, worked out once per set of
 * options: the configured headers as a flat list (the last of a name wins,
 * as setHeader would), their names, and the Vary before the handler's own.
 */
const headerPlans = new WeakMap();
function headerPlan(options) {
  let plan = headerPlans.get(options);
  if (!plan) {
    const byName = new Map();
    for (const { key, value } of options.configured) byName.set(key.toLowerCase(), [key, value]);
    const vary = [byName.get("vary")?.[1], options.vary].filter(Boolean);
    byName.delete("vary");
    const joined = vary.join(", ");
    plan = {
      flat: [...byName.values()].flat(),
      names: new Set(byName.keys()),
      vary,
      /** The Vary sent when the handler adds none. */
      plainVary: options.varyAcceptEncoding ? withVaryField(joined, "Accept-Encoding") : joined,
    };
    headerPlans.set(options, plan);
  }
  return plan;
}

/**
 * The headers of an answer as one flat list, as Next gives them: the
 * configured ones, then the handler's, which never replace a configured one
 * (but WWW-Authenticate, Proxy-Authenticate and Vary add to it), every
 * cookie, and one Vary. With `body`, the Content-Length `res.end(body)`
 * would have added, for a single writeHead (a status line and headers
 * written first leave none to add): Node checks each name and value as
 * setHeader does, and the header map setHeader builds, searches and copies
 * for every response was about a tenth of the health route's cost on the
 * fast path (measured under load).
 */
function headerList(response, options, body) {
  const plan = headerPlan(options);
  const list = plan.flat.slice();
  let vary = null;
  let cookies = false;
  response.headers.forEach((value, name) => {
    if (name === "vary") (vary ??= [...plan.vary]).push(value);
    else if (name === "set-cookie") cookies = true;
    else if (DROPPED_RESPONSE_HEADERS.has(name)) return;
    else if (REPEATABLE_RESPONSE_HEADERS.has(name) || !plan.names.has(name)) list.push(name, value);
  });
  if (cookies) for (const cookie of response.headers.getSetCookie()) list.push("set-cookie", cookie);
  const varyValue = vary === null ? plan.plainVary : options.varyAcceptEncoding ? withVaryField(vary.join(", "), "Accept-Encoding") : vary.join(", ");
  if (varyValue) list.push("vary", varyValue);
  if (body !== null) list.push("content-length", String(typeof body === "string" ? Buffer.byteLength(body) : body.byteLength));
  return list;
}

/** The compression middleware's default threshold, which Next keeps. */
const COMPRESSION_THRESHOLD = 1024;

/**
 * True when Next's compression middleware would send this answer as it is,
 * adding only `Vary: Accept-Encoding`: a JSON body complete at once, without
 * `Cache-Control: no-transform`, and either under the middleware's threshold
 * or asked for without an Accept-Encoding (`acceptEncoding`, the request's
 * header). The middleware adds the Vary for any compressible type first; then
 * it compresses nothing under the threshold whatever the client accepts, and
 * nothing for a request without Accept-Encoding, for which only "identity" is
 * acceptable. Token, revocation and error answers are all small; clients that
 * send no Accept-Encoding (curl, most HTTP libraries but fetch) get every
 * JSON answer this way.
 */
export function compressionLeavesAsIs(response, acceptEncoding) {
  if (!/^application\/json\s*(?:;|$)/i.test(response.headers.get("content-type") ?? "")) return false;
  if (/(?:^|,)\s*no-transform\s*(?:,|$)/i.test(response.headers.get("cache-control") ?? "")) return false;
  const body = completeBody(response);
  if (body === null) return false;
  return acceptEncoding === undefined || acceptEncoding.trim() === "" || Buffer.byteLength(body) < COMPRESSION_THRESHOLD;
}

/** The method of lib/http/text-response.ts that gives the text of an unread body. */
const COMPLETE_BODY = Symbol.for("latch.completeBody");

/**
 * The text or bytes of a body that is complete at once, without its stream:
 * a TextResponse's text (lib/http/text-response.ts, which builds no stream
 * until asked), or what the handler gave Response.json or `new Response(text)`,
 * read from undici's own record of it (that stream read costs more than the
 * rest of the response). Null for anything else (a stream, a Blob, FormData, a
 * body already read, a Node whose Response keeps its state otherwise), which
 * then goes through the stream. Never touches `response.body`.
 */
let stateKey;
export function completeBody(response) {
  if (typeof response[COMPLETE_BODY] === "function") return response[COMPLETE_BODY]();
  stateKey ??= Object.getOwnPropertySymbols(response).find((s) => s.description === "state") ?? null;
  const body = stateKey ? response[stateKey]?.body : null;
  if (!body || response.bodyUsed || body.stream?.locked) return null;
  const { source } = body;
  if (typeof source === "string" || source instanceof Uint8Array) return source;
  return null;
}

const NOT_YET = Symbol("not yet");
const nextTurn = () => new Promise((resolve) => setImmediate(resolve, NOT_YET));

/**
 * Writes a Web Response to a Node response. A body that is complete at once
 * (the usual JSON answer) goes out in one write with a Content-Length; a body
 * that keeps coming (an event stream) is streamed as it comes, and cancelled
 * when the client goes away. `headers.compressing`: the compression
 * middleware is on `res`, and sees every header as it is set. A promise only
 * while something is left to send (see toWebRequest on why).
 */
export function sendWebResponse(req, res, response, headers) {
  const complete = completeBody(response);
  if (complete !== null && req.method !== "HEAD" && !headers.compressing) {
    if (response.statusText) res.writeHead(response.status, response.statusText, headerList(response, headers, complete));
    else res.writeHead(response.status, headerList(response, headers, complete));
    res.end(complete);
    return;
  }
  writeHeaders(res, response, headers);
  if (complete !== null) {
    if (req.method === "HEAD") res.end();
    else res.end(complete);
    return;
  }
  if (!response.body || req.method === "HEAD") {
    if (!response.body) return void res.end();
    return response.body.cancel().then(() => void res.end());
  }
  return streamBody(res, response.body);
}

/** A body that is still being produced, written as it comes. */
async function streamBody(res, body) {
  const reader = body.getReader();
  // Watched from the start: a client that has left before the first chunk
  // (or before the handler answered) must still cancel the stream, or its
  // producer runs on for no one.
  let closed = res.destroyed;
  if (closed) reader.cancel().catch(() => {});
  else {
    res.once("close", () => {
      closed = true;
      if (!res.writableFinished) reader.cancel().catch(() => {});
    });
  }
  const first = await reader.read();
  if (first.done) {
    res.end();
    return;
  }
  let next = reader.read();
  // A body that is already complete ends within a few microtasks (two for
  // undici's); only a body that is still being produced waits a turn.
  let settled = NOT_YET;
  next.then(
    (chunk) => (settled = chunk),
    () => {},
  );
  for (let hop = 0; hop < 8 && settled === NOT_YET; hop++) await null;
  if (settled === NOT_YET) settled = await Promise.race([next, nextTurn()]);
  if (settled !== NOT_YET && settled.done) {
    res.end(first.value);
    return;
  }

  let chunk = first;
  try {
    while (!chunk.done && !closed) {
      const flowing = res.write(chunk.value);
      // The compression middleware holds what it is given until it has a
      // block; each chunk of a stream (an event) goes out now, as Next sends it.
      if (typeof res.flush === "function") res.flush();
      if (!flowing) await new Promise((resolve) => res.once("drain", resolve).once("close", resolve));
      chunk = await next;
      next = chunk.done ? next : reader.read();
    }
    res.end();
  } catch (error) {
    res.destroy(error instanceof Error ? error : undefined);
  }
}
