// A Response whose body is a string, kept as the string until something reads
// it. Node 20's Response builds a ReadableStream for every body it is given,
// which costs more than the rest of an API answer (about 25 µs against 2 µs
// for a Response without a body, measured on these machines). This one
// behaves as `new Response(text, init)` does through every public member; the
// stream is only built when `body` is asked for (as `next dev` and `next
// start` do). The production server takes the text as it is instead
// (completeBody in server/web-bridge.mjs). Where it differs: `new
// Response(textResponse)` would copy no body (the platform copies its own
// hidden one), and a Proxy around it cannot reach `body`; nothing does either.

/** The method the production server calls for the text of a body that is complete at once. */
export const COMPLETE_BODY = Symbol.for("latch.completeBody");

/** Statuses whose responses have no body (the Fetch standard's null body statuses). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

function bodyUnusable(): TypeError {
  return new TypeError("Body is unusable: Body has already been read");
}

export class TextResponse extends Response {
  readonly #text: string;
  #used = false;
  /** The ordinary Response the body moved to once a stream was asked for. */
  #streamed: Response | null = null;

  constructor(text: string, init: ResponseInit = {}) {
    super(null, init);
    if (NULL_BODY_STATUSES.has(this.status)) throw new TypeError(`Response with status ${this.status} cannot have a body`);
    if (!this.headers.has("content-type")) this.headers.set("content-type", "text/plain;charset=UTF-8");
    this.#text = text;
  }

  static {
    // lib.dom declares `body` and `bodyUsed` as plain properties; the platform
    // defines them as getters on Response.prototype, which these replace.
    Object.defineProperties(TextResponse.prototype, {
      body: {
        configurable: true,
        get(this: TextResponse) {
          return this.#stream().body;
        },
      },
      bodyUsed: {
        configurable: true,
        get(this: TextResponse) {
          return this.#streamed ? this.#streamed.bodyUsed : this.#used;
        },
      },
    });
  }

  #stream(): Response {
    if (!this.#streamed) {
      // With the headers, for formData(), which reads the Content-Type.
      this.#streamed = new Response(this.#text, { headers: this.headers });
      // A body read already stays read.
      if (this.#used) this.#streamed.arrayBuffer().catch(() => undefined);
    }
    return this.#streamed;
  }

  /**
   * The text while the body is unread, null once it was read or handed to a
   * stream. For the server that sends it: looking does not count as reading.
   */
  [COMPLETE_BODY](): string | null {
    return this.#used || this.#streamed ? null : this.#text;
  }

  #take(): string {
    if (this.#used || this.#streamed) throw bodyUnusable();
    this.#used = true;
    return this.#text;
  }

  override async text(): Promise<string> {
    if (this.#streamed) return this.#streamed.text();
    // Through UTF-8 and back, as the platform reads a body: a leading BOM goes, a lone surrogate becomes U+FFFD.
    return new TextDecoder().decode(Buffer.from(this.#take(), "utf8"));
  }

  override async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  override async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = await this.bytes();
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  override async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    if (this.#streamed) return new Uint8Array(await this.#streamed.arrayBuffer());
    return new Uint8Array(Buffer.from(this.#take(), "utf8"));
  }

  override blob(): Promise<Blob> {
    // The platform's, for its Content-Type rules.
    return this.#stream().blob();
  }

  override formData(): Promise<FormData> {
    return this.#stream().formData();
  }

  override clone(): Response {
    if (this.bodyUsed) throw new TypeError("Response.clone: Body has already been consumed.");
    if (this.#streamed) {
      const copy = this.#streamed.clone();
      return new Response(copy.body, { status: this.status, statusText: this.statusText, headers: this.headers });
    }
    return new TextResponse(this.#text, { status: this.status, statusText: this.statusText, headers: this.headers });
  }
}
