// The production server's conversions between Node's request/response and
// Web Request/Response, over real HTTP on a loopback port.
import { createRequire } from "node:module";
import http from "node:http";
import zlib from "node:zlib";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { completeBody, compressionLeavesAsIs, requestOrigins, sendWebResponse, toWebRequest } from "@/server/web-bridge.mjs";
import { readBodyText } from "@/lib/http/read-body";
import { TextResponse } from "@/lib/http/text-response";

const require = createRequire(import.meta.url);

type Handler = (request: Request) => Response | Promise<Response>;

const configured = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
];
let handler: Handler = () => new Response(null);
let server: http.Server;
let base: string;

beforeAll(async () => {
  // The origin handlers see is the configured one, whatever Host says.
  const origins = requestOrigins("app.internal", 4321);
  server = http.createServer(async (req, res) => {
    const request = await toWebRequest(req, origins);
    await sendWebResponse(req, res, await handler(request), { configured, vary: "rsc" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe("web bridge", () => {
  it("hands the handler the method, configured URL, headers and a form body", async () => {
    handler = async (request) => {
      const form = await request.formData();
      return Response.json({
        method: request.method,
        url: request.url,
        authorization: request.headers.get("authorization"),
        internal: request.headers.get("x-middleware-next"),
        grant: form.get("grant_type"),
        scope: form.get("scope"),
      });
    };
    const response = await fetch(`${base}/oauth/token?x=1`, {
      method: "POST",
      headers: {
        authorization: "Basic YTpi",
        "content-type": "application/x-www-form-urlencoded",
        "x-middleware-next": "1",
      },
      body: "grant_type=client_credentials&scope=sales%3Aread",
    });
    expect(await response.json()).toEqual({
      method: "POST",
      url: "http://app.internal:4321/oauth/token?x=1",
      authorization: "Basic YTpi",
      internal: null,
      grant: "client_credentials",
      scope: "sales:read",
    });
  });

  it("streams a request body that has no length", async () => {
    handler = async (request) => new Response(await request.text());
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"jsonrpc":'));
        controller.enqueue(new TextEncoder().encode('"2.0"}'));
        controller.close();
      },
    });
    const response = await fetch(`${base}/mcp`, { method: "POST", body, duplex: "half" } as RequestInit);
    expect(await response.text()).toBe('{"jsonrpc":"2.0"}');
  });

  it("keeps configured headers, adds repeatable ones and every cookie", async () => {
    handler = () => {
      const headers = new Headers({ "X-Frame-Options": "SAMEORIGIN", "WWW-Authenticate": 'Bearer error="invalid_token"', "Cache-Control": "no-store" });
      headers.append("Set-Cookie", "a=1; Path=/; HttpOnly");
      headers.append("Set-Cookie", "b=2; Path=/");
      headers.set("Vary", "Origin");
      return new Response("{}", { status: 401, headers });
    };
    const response = await fetch(`${base}/api/v1/me`);
    expect(response.status).toBe(401);
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("www-authenticate")).toBe('Bearer error="invalid_token"');
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("vary")).toBe("rsc, Origin");
    expect(response.headers.getSetCookie()).toEqual(["a=1; Path=/; HttpOnly", "b=2; Path=/"]);
  });

  it("sends a complete body in one piece and a stream as it comes", async () => {
    handler = () => Response.json({ ok: true });
    const whole = await fetch(`${base}/api/health`);
    expect(whole.headers.get("content-length")).toBe("11");
    expect(await whole.text()).toBe('{"ok":true}');

    handler = () => new Response(new TextEncoder().encode("--partial--").subarray(2, 9), { headers: { "content-type": "text/plain" } });
    expect(await (await fetch(`${base}/api/health`)).text()).toBe("partial");
    handler = () => new Response(new Blob(["from a blob"]));
    expect(await (await fetch(`${base}/api/health`)).text()).toBe("from a blob");

    let finish: () => void = () => {};
    const later = new Promise<void>((resolve) => (finish = resolve));
    handler = () =>
      new Response(
        new ReadableStream<Uint8Array>({
          async start(controller) {
            controller.enqueue(new TextEncoder().encode("event: message\ndata: 1\n\n"));
            await later;
            controller.enqueue(new TextEncoder().encode("event: message\ndata: 2\n\n"));
            controller.close();
          },
        }),
        { headers: { "content-type": "text/event-stream" } },
      );
    const streamed = await fetch(`${base}/mcp`);
    const reader = streamed.body!.getReader();
    const first = await reader.read();
    // The first event arrived while the handler was still holding the second.
    expect(new TextDecoder().decode(first.value)).toBe("event: message\ndata: 1\n\n");
    finish();
    let rest = "";
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += new TextDecoder().decode(chunk.value);
    expect(rest).toBe("event: message\ndata: 2\n\n");
  });

  it("cancels a stream whose client left before its first chunk", async () => {
    let cancelled: () => void = () => {};
    const cancel = new Promise<string>((resolve) => (cancelled = () => resolve("cancelled")));
    handler = () =>
      new Response(
        new ReadableStream<Uint8Array>({
          async pull(controller) {
            await new Promise((resolve) => setTimeout(resolve, 300));
            controller.enqueue(new TextEncoder().encode("data: late\n\n"));
          },
          cancel: () => cancelled(),
        }),
        { headers: { "content-type": "text/event-stream" } },
      );
    const controller = new AbortController();
    const leaving = fetch(`${base}/mcp`, { signal: controller.signal }).then(
      (response) => response.text(),
      () => null,
    );
    setTimeout(() => controller.abort(), 50);
    await leaving;
    const timeout = new Promise<string>((resolve) => setTimeout(() => resolve("still running"), 3_000));
    expect(await Promise.race([cancel, timeout])).toBe("cancelled");
  });

  it("gives a read-ahead body once, to a reader, a stream or a clone", async () => {
    const post = (body: string) => fetch(`${base}/mcp`, { method: "POST", headers: { "content-type": "application/json" }, body });
    handler = async (request) => {
      // Read ahead by the bridge (not a stream), which is the point of this test.
      if (!(Symbol.for("latch.takeBody") in request)) return new Response("not read ahead", { status: 500 });
      const before = request.bodyUsed;
      const copy = request.clone();
      const read = await readBodyText(request, 1024);
      const again = await request.text().then(() => "read twice", (error: unknown) => (error instanceof TypeError ? "refused" : "other error"));
      return Response.json({ before, read, after: request.bodyUsed, again, copy: await copy.json() });
    };
    expect(await (await post('{"id":1}')).json()).toEqual({ before: false, read: { ok: true, text: '{"id":1}' }, after: true, again: "refused", copy: { id: 1 } });

    handler = async (request) => {
      const stream = request.body;
      const text = await new Response(stream).text();
      const again = await request.arrayBuffer().then(() => "read twice", () => "refused");
      return Response.json({ text, used: request.bodyUsed, again });
    };
    expect(await (await post("[1,2]")).json()).toEqual({ text: "[1,2]", used: true, again: "refused" });

    handler = async (request) => Response.json({ tooLarge: await readBodyText(request, 4) });
    expect(await (await post('{"big":true}')).json()).toEqual({ tooLarge: { ok: false, reason: "too_large" } });

    handler = async (request) => {
      const text = await request.text();
      let clone = "cloned";
      try {
        request.clone();
      } catch (error) {
        clone = error instanceof TypeError ? "refused" : "other error";
      }
      return Response.json({ text, clone });
    };
    // A leading BOM goes, as in any body read as text.
    expect(await (await post("\uFEFF[3]")).json()).toEqual({ text: "[3]", clone: "refused" });
  });

  it("sends a TextResponse as it is, and its stream when a handler asked for one", async () => {
    handler = () => new TextResponse('{"ok":true}', { status: 201, headers: { "content-type": "application/json" } });
    let response = await fetch(`${base}/api/v1/me`);
    expect([response.status, response.headers.get("content-type"), await response.text()]).toEqual([201, "application/json", '{"ok":true}']);
    handler = () => {
      const answer = new TextResponse("streamed");
      void answer.body;
      return answer;
    };
    response = await fetch(`${base}/api/v1/me`);
    expect(await response.text()).toBe("streamed");
  });

  it("sends no body for HEAD", async () => {
    handler = () => new Response("body");
    const response = await fetch(`${base}/api/health`, { method: "HEAD" });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");
  });

  it("takes a string or bytes body without reading its stream, and leaves streams alone", async () => {
    // If a Node upgrade moves undici's internals, this fails instead of the fast path quietly slowing down.
    const text = (body: string | Uint8Array | null) => (body === null ? null : Buffer.from(body).toString());
    expect(text(completeBody(Response.json({ ok: true })))).toBe('{"ok":true}');
    expect(text(completeBody(new Response("text")))).toBe("text");
    expect(completeBody(new TextResponse('{"a":1}'))).toBe('{"a":1}');
    expect(completeBody(new Response(new ReadableStream()))).toBeNull();
    const read = new Response("spent");
    await read.text();
    expect(completeBody(read)).toBeNull();
  });
});

describe("answers the compression middleware would leave as they are", () => {
  // The production server skips Next's compression middleware for these and
  // adds its Vary itself; the client must not see a difference.
  const compress = require("next/dist/compiled/compression")() as (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void;
  let make: () => Response = () => new Response(null);
  const servers: http.Server[] = [];
  const bases: Record<"middleware" | "shortcut", string> = { middleware: "", shortcut: "" };

  beforeAll(async () => {
    for (const kind of ["middleware", "shortcut"] as const) {
      const server = http.createServer(async (req, res) => {
        const response = make();
        const skip = kind === "shortcut" && compressionLeavesAsIs(response, req.headers["accept-encoding"]);
        if (!skip) compress(req, res, () => {});
        await sendWebResponse(req, res, response, { configured, vary: "rsc", varyAcceptEncoding: skip, compressing: !skip });
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      servers.push(server);
      bases[kind] = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    }
  });

  afterAll(async () => {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  });

  /**
   * The answer as the client sees it (not its framing: the shortcut sends a
   * Content-Length where the middleware chunks). node:http, because fetch
   * always sends an Accept-Encoding.
   */
  function answer(base: string, acceptEncoding: string | undefined) {
    return new Promise<{ status?: number; vary?: string; encoding?: string; body: string }>((resolve, reject) => {
      const headers = acceptEncoding === undefined ? {} : { "accept-encoding": acceptEncoding };
      http
        .get(base, { headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => {
            const raw = Buffer.concat(chunks);
            const body = res.headers["content-encoding"] === "gzip" ? zlib.gunzipSync(raw).toString() : raw.toString();
            resolve({ status: res.statusCode, vary: res.headers.vary, encoding: res.headers["content-encoding"], body });
          });
        })
        .on("error", reject);
    });
  }

  const cases: [string, () => Response, boolean][] = [
    ["a small JSON answer", () => Response.json({ access_token: "x".repeat(40), token_type: "Bearer" }), true],
    ["a small JSON answer with its own Vary", () => Response.json({ ok: true }, { headers: { Vary: "Origin" } }), true],
    ["a JSON error with a charset", () => new Response('{"error":"invalid_client"}', { status: 401, headers: { "content-type": "application/json; charset=utf-8" } }), true],
    ["a JSON answer marked no-transform", () => Response.json({ ok: true }, { headers: { "cache-control": "no-store, no-transform" } }), false],
    ["a JSON answer over 1 KiB", () => Response.json({ permissions: Array.from({ length: 100 }, (_, i) => `permission.${i}`) }), false],
    ["a small text answer", () => new Response("ok", { headers: { "content-type": "text/plain" } }), false],
    ["a small TextResponse JSON answer", () => new TextResponse('{"active":false}', { headers: { "content-type": "application/json" } }), true],
    ["a TextResponse JSON answer over 1 KiB", () => new TextResponse(JSON.stringify({ scope: "x ".repeat(600) }), { headers: { "content-type": "application/json" } }), false],
    ["an answer without a body", () => new Response(null, { status: 204 }), false],
  ];

  it("sends each chunk of a stream as it comes, compressed too", async () => {
    let finish: () => void = () => {};
    const later = new Promise<void>((resolve) => (finish = resolve));
    make = () =>
      new Response(
        new ReadableStream<Uint8Array>({
          async start(controller) {
            controller.enqueue(new TextEncoder().encode("event: message\ndata: 1\n\n"));
            await later;
            controller.close();
          },
        }),
        { headers: { "content-type": "text/event-stream" } },
      );
    const first = await new Promise<string>((resolve, reject) => {
      http
        .get(bases.middleware, { headers: { "accept-encoding": "gzip" } }, (res) => {
          expect(res.headers["content-encoding"]).toBe("gzip");
          const gunzip = zlib.createGunzip();
          res.pipe(gunzip);
          gunzip.once("data", (chunk: Buffer) => resolve(chunk.toString()));
          setTimeout(() => resolve("nothing yet"), 2_000);
        })
        .on("error", reject);
    });
    finish();
    // The first event arrived while the handler was still holding the rest.
    expect(first).toBe("event: message\ndata: 1\n\n");
  });

  it.each(cases)("%s", async (_name, build, skipped) => {
    make = build;
    expect(compressionLeavesAsIs(build(), "gzip")).toBe(skipped);
    const [viaMiddleware, viaShortcut] = [await answer(bases.middleware, "gzip"), await answer(bases.shortcut, "gzip")];
    expect(viaShortcut).toEqual(viaMiddleware);
    if (skipped) expect(viaMiddleware.encoding).toBeUndefined();
  });

  it.each(cases)("%s, to a client that sends no Accept-Encoding (or an empty one)", async (_name, build) => {
    make = build;
    const json = /^application\/json/.test(build().headers.get("content-type") ?? "");
    const plain = !/no-transform/.test(build().headers.get("cache-control") ?? "") && build().status !== 204;
    // Every complete JSON answer the middleware may transform skips it: it would compress none of them.
    expect(compressionLeavesAsIs(build(), undefined)).toBe(json && plain);
    for (const acceptEncoding of [undefined, "", "identity"]) {
      const [viaMiddleware, viaShortcut] = [await answer(bases.middleware, acceptEncoding), await answer(bases.shortcut, acceptEncoding)];
      expect(viaShortcut, String(acceptEncoding)).toEqual(viaMiddleware);
      expect(viaMiddleware.encoding, String(acceptEncoding)).toBeUndefined();
    }
  });
});
