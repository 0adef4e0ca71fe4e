// TextResponse keeps its body as a string until something reads it; every
// public member must answer as `new Response(text, init)` does.
import { describe, expect, it } from "vitest";
import { COMPLETE_BODY, TextResponse } from "@/lib/http/text-response";

const JSON_INIT = { status: 202, statusText: "Accepted", headers: { "content-type": "application/json", "x-extra": "1" } };

describe("TextResponse", () => {
  it("has the status, headers and body of the Response it stands for", async () => {
    const ours = new TextResponse('{"a":1}', JSON_INIT);
    const theirs = new Response('{"a":1}', JSON_INIT);
    expect(ours).toBeInstanceOf(Response);
    expect([ours.status, ours.statusText, ours.ok, ours.type, ours.redirected]).toEqual([theirs.status, theirs.statusText, theirs.ok, theirs.type, theirs.redirected]);
    expect([...ours.headers]).toEqual([...theirs.headers]);
    expect(await ours.json()).toEqual(await theirs.json());
    // Without a Content-Type, the one a string body gets.
    expect(new TextResponse("hi").headers.get("content-type")).toBe(new Response("hi").headers.get("content-type"));
  });

  it("reads once, by any method, as a Response does", async () => {
    const reads: [string, (r: Response) => Promise<unknown>][] = [
      ["text", (r) => r.text()],
      ["json", (r) => r.json()],
      ["arrayBuffer", (r) => r.arrayBuffer().then((b) => Buffer.from(b).toString())],
      ["blob", (r) => r.blob().then(async (b) => [b.type, await b.text()])],
      ["body", (r) => new Response(r.body).text()],
    ];
    for (const [name, read] of reads) {
      const ours = new TextResponse('{"é":[1]}', { headers: { "content-type": "application/json" } });
      const theirs = new Response('{"é":[1]}', { headers: { "content-type": "application/json" } });
      expect(ours.bodyUsed, name).toBe(false);
      expect(await read(ours), name).toEqual(await read(theirs));
      expect(ours.bodyUsed, name).toBe(theirs.bodyUsed);
      await expect(ours.text(), name).rejects.toBeInstanceOf(TypeError);
      expect(() => ours.clone(), name).toThrow(TypeError);
    }
  });

  it("stays read when its stream is asked for after a read, and decodes as the platform does", async () => {
    const [read, theirs] = [new TextResponse("once"), new Response("once")];
    await Promise.all([read.bytes(), theirs.arrayBuffer()]);
    expect(read.bodyUsed).toBe(true);
    // A spent stream, as the platform's is after a read.
    expect(() => new Response(theirs.body)).toThrow(TypeError);
    expect(() => new Response(read.body)).toThrow(TypeError);
    // A leading BOM goes, as in any body read as text.
    expect(await new TextResponse("\uFEFF{}").json()).toEqual(await new Response("\uFEFF{}").json());
    const init = { headers: { "content-type": "application/json; charset=utf-8" } };
    expect((await new TextResponse("{}", init).blob()).type).toBe((await new Response("{}", init).blob()).type);
    expect(Buffer.from(await new TextResponse("é").bytes()).toString()).toBe("é");
  });

  it("clones into an independent copy, before or after its stream was asked for", async () => {
    const fresh = new TextResponse("one", { status: 200, headers: { "x-a": "b" } });
    const copy = fresh.clone();
    expect([await fresh.text(), await copy.text(), copy.headers.get("x-a")]).toEqual(["one", "one", "b"]);
    const streamed = new TextResponse("two");
    expect(streamed.body).not.toBeNull();
    const streamedCopy = streamed.clone();
    expect([await streamed.text(), await streamedCopy.text()]).toEqual(["two", "two"]);
  });

  it("parses a form body as a Response would", async () => {
    const init = { headers: { "content-type": "application/x-www-form-urlencoded" } };
    const form = await new TextResponse("a=1&b=x+y", init).formData();
    expect([form.get("a"), form.get("b")]).toEqual(["1", "x y"]);
  });

  it("refuses a body on a status that has none, as a Response does", () => {
    expect(() => new Response("x", { status: 204 })).toThrow(TypeError);
    expect(() => new TextResponse("x", { status: 204 })).toThrow(TypeError);
  });

  it("lets the server look at the unread text without reading it, and not after", async () => {
    const answer = new TextResponse("look");
    expect(answer[COMPLETE_BODY]()).toBe("look");
    expect(answer.bodyUsed).toBe(false);
    await answer.text();
    expect(answer[COMPLETE_BODY]()).toBeNull();
    const streamed = new TextResponse("stream");
    void streamed.body;
    expect(streamed[COMPLETE_BODY]()).toBeNull();
  });
});
