import http from "node:http";
import type { AddressInfo } from "node:net";
import * as oauth from "oauth4webapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchMetadataDocument, isPublicAddress } from "@/lib/oauth/fetch-metadata-document";
import { isS256Challenge, s256, verifyPkce } from "@/lib/oauth/pkce";

describe("PKCE S256", () => {
  it("agrees with an independent client implementation", async () => {
    const verifier = oauth.generateRandomCodeVerifier();
    const challenge = await oauth.calculatePKCECodeChallenge(verifier);
    expect(s256(verifier)).toBe(challenge);
    expect(isS256Challenge(challenge)).toBe(true);
    expect(verifyPkce(verifier, challenge)).toBe(true);
    expect(verifyPkce(oauth.generateRandomCodeVerifier(), challenge)).toBe(false);
  });

  it("refuses verifiers outside RFC 7636's alphabet or length", () => {
    const short = "a".repeat(42);
    expect(verifyPkce(short, s256(short))).toBe(false);
    const long = "a".repeat(129);
    expect(verifyPkce(long, s256(long))).toBe(false);
    const spaced = `${"a".repeat(43)} `;
    expect(verifyPkce(spaced, s256(spaced))).toBe(false);
    expect(isS256Challenge("plain-challenge")).toBe(false);
  });
});

describe("metadata document fetches", () => {
  it.each([
    ["127.0.0.1", false],
    ["10.2.3.4", false],
    ["172.20.0.1", false],
    ["192.168.1.1", false],
    ["169.254.169.254", false],
    ["100.64.0.1", false],
    ["0.0.0.0", false],
    ["::1", false],
    ["::", false],
    ["fe80::1", false],
    ["fd12:3456::1", false],
    ["::ffff:127.0.0.1", false],
    ["::ffff:10.0.0.1", false],
    ["8.8.8.8", true],
    ["2606:4700:4700::1111", true],
  ])("treats %s as public: %s", (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });

  let server: http.Server;
  let port: number;
  beforeAll(async () => {
    server = http.createServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}'));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it("never connects to a loopback address unless private addresses are allowed", async () => {
    await expect(fetchMetadataDocument(new URL(`http://127.0.0.1:${port}/doc`), false)).rejects.toThrow(/private or loopback/);
    // A name that resolves to loopback is caught at connection time, not only by its spelling.
    await expect(fetchMetadataDocument(new URL(`http://localhost:${port}/doc`), false)).rejects.toThrow(/private or loopback/);
    await expect(fetchMetadataDocument(new URL(`http://127.0.0.1:${port}/doc`), true)).resolves.toEqual({ ok: true });
  });
});
