// Every error the OAuth endpoints can answer, one row each: the RFC error
// code and status, no-store, and never a 500 or a stack trace.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { registerClient } from "@/lib/oauth/register-client";
import { createOwner, createTestClient } from "../support/factories";
import { basic, newPkce, postForm } from "../support/oauth";

const baseUrl = inject("baseUrl");
const redirectUri = "https://app.example.test/callback";

let confidential: { clientId: string; clientSecret: string | null; id: string };
let publicClient: { clientId: string; id: string };
let disabled: { clientId: string; clientSecret: string | null };
let unowned: { clientId: string; clientSecret: string | null };
let challenge: string;

beforeAll(async () => {
  const owner = await createOwner("errors");
  confidential = await createTestClient(owner.id);
  publicClient = await createTestClient(owner.id, { type: "public" });
  disabled = await createTestClient(owner.id);
  await db().oAuthClient.updateMany({ where: { clientId: disabled.clientId }, data: { disabled: true } });
  unowned = await registerClient({
    redirectUris: [redirectUri],
    name: "Unclaimed",
    tokenEndpointAuthMethod: "client_secret_basic",
    extra: { grant_types: ["authorization_code", "client_credentials"], response_types: ["code"] },
  });
  challenge = (await newPkce()).challenge;
});

describe("authorization endpoint errors that must not redirect", () => {
  const cases: [string, () => Record<string, string>][] = [
    ["no client_id", () => ({ response_type: "code", redirect_uri: redirectUri })],
    ["an unknown client_id", () => ({ response_type: "code", client_id: "latch_ci_doesnotexist", redirect_uri: redirectUri })],
    ["a client_id with junk in it", () => ({ response_type: "code", client_id: "latch ci \u0000", redirect_uri: redirectUri })],
    ["no redirect_uri", () => ({ response_type: "code", client_id: confidential.clientId })],
    ["an unregistered redirect_uri", () => ({ response_type: "code", client_id: confidential.clientId, redirect_uri: "https://evil.example/callback" })],
    ["a redirect_uri differing only in path", () => ({ response_type: "code", client_id: confidential.clientId, redirect_uri: "https://app.example.test/callback/x" })],
    ["a non-loopback host on another port", () => ({ response_type: "code", client_id: confidential.clientId, redirect_uri: "https://app.example.test:8443/callback" })],
    ["a loopback redirect with another path", () => ({ response_type: "code", client_id: publicClient.clientId, redirect_uri: "http://127.0.0.1:4000/other" })],
    ["an https metadata document that cannot be fetched", () => ({ response_type: "code", client_id: "https://127.0.0.1:1/client.json", redirect_uri: redirectUri })],
  ];
  it.each(cases)("%s shows an error page with 400", async (_name, params) => {
    const response = await fetch(`${baseUrl}/oauth/authorize?${new URLSearchParams(params())}`, { redirect: "manual" });
    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(await response.text()).toContain("did not send you back to the app");
  });

  it("shows the same page when the duplicate is the client_id or redirect_uri", async () => {
    const query = `response_type=code&client_id=${confidential.clientId}&client_id=${confidential.clientId}&redirect_uri=${encodeURIComponent(redirectUri)}`;
    const response = await fetch(`${baseUrl}/oauth/authorize?${query}`, { redirect: "manual" });
    expect(response.status).toBe(400);
  });
});

describe("authorization endpoint errors sent back to the client", () => {
  const base = () => ({ response_type: "code", client_id: confidential.clientId, redirect_uri: redirectUri, state: "st-1" });
  const cases: [string, () => Record<string, string> | string, string][] = [
    ["missing response_type", () => ({ ...base(), response_type: "" }), "invalid_request"],
    ["response_type=token", () => ({ ...base(), response_type: "token" }), "unsupported_response_type"],
    ["response_mode=fragment", () => ({ ...base(), response_mode: "fragment" }), "invalid_request"],
    ["a public client without PKCE", () => ({ ...base(), client_id: publicClient.clientId }), "invalid_request"],
    ["PKCE plain", () => ({ ...base(), code_challenge: "a".repeat(43), code_challenge_method: "plain" }), "invalid_request"],
    ["a challenge without method (defaults to plain)", () => ({ ...base(), code_challenge: challenge }), "invalid_request"],
    ["a method without challenge", () => ({ ...base(), code_challenge_method: "S256" }), "invalid_request"],
    ["a challenge that is not a SHA-256", () => ({ ...base(), code_challenge: "short", code_challenge_method: "S256" }), "invalid_request"],
    ["an unknown scope", () => ({ ...base(), scope: "sales:read everything" }), "invalid_scope"],
    ["an unknown scope with quotes and accents", () => ({ ...base(), scope: 'sales:read "évérything\\' }), "invalid_scope"],
    ["a resource on another server", () => ({ ...base(), resource: "https://other.example/mcp" }), "invalid_target"],
    ["a resource with a fragment", () => ({ ...base(), resource: `${baseUrl}/mcp#x` }), "invalid_target"],
    ["a resource elsewhere on this server", () => ({ ...base(), resource: `${baseUrl}/user` }), "invalid_target"],
    ["two different resources", () => `${new URLSearchParams(base())}&resource=${encodeURIComponent(`${baseUrl}/mcp`)}&resource=${encodeURIComponent(`${baseUrl}/api/v1`)}`, "invalid_target"],
    ["a repeated scope parameter", () => `${new URLSearchParams(base())}&scope=sales:read&scope=sales:write`, "invalid_request"],
    ["a disabled client", () => ({ ...base(), client_id: disabled.clientId }), "unauthorized_client"],
  ];
  it.each(cases)("%s redirects with %s", async (_name, params, error) => {
    const value = params();
    const query = typeof value === "string" ? value : new URLSearchParams(Object.entries(value).filter(([, v]) => v !== "")).toString();
    const response = await fetch(`${baseUrl}/oauth/authorize?${query}`, { redirect: "manual" });
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get("location")!);
    expect(location.origin + location.pathname).toBe(redirectUri);
    expect(location.searchParams.get("error")).toBe(error);
    expect(location.searchParams.get("error_description")).toBeTruthy();
    // RFC 6749 §4.1.2.1: printable ASCII without a double quote or a backslash.
    expect(location.searchParams.get("error_description")).toMatch(/^[\x20\x21\x23-\x5B\x5D-\x7E]+$/);
    expect(location.searchParams.get("state")).toBe("st-1");
    expect(location.searchParams.get("iss")).toBe(baseUrl);
    expect(location.searchParams.get("code")).toBeNull();
  });
});

type Answer = Awaited<ReturnType<typeof postForm>>;

describe("token endpoint errors", () => {
  const cc = () => basic(confidential.clientId, confidential.clientSecret!);
  const cases: [string, () => Promise<Answer>, number, string][] = [
    ["a JSON body", () => postForm(baseUrl, "/oauth/token", {}, { "content-type": "application/json" }), 400, "invalid_request"],
    ["a body over 64 KB", () => postForm(baseUrl, "/oauth/token", { grant_type: "client_credentials", pad: "x".repeat(70_000) }, { authorization: cc() }), 400, "invalid_request"],
    ["a repeated parameter", () => postForm(baseUrl, "/oauth/token", new URLSearchParams("grant_type=client_credentials&grant_type=client_credentials"), { authorization: cc() }), 400, "invalid_request"],
    ["no client authentication", () => postForm(baseUrl, "/oauth/token", { grant_type: "client_credentials" }), 401, "invalid_client"],
    ["an unknown client", () => postForm(baseUrl, "/oauth/token", { grant_type: "client_credentials", client_id: "latch_ci_nope", client_secret: "latch_cs_nope" }), 401, "invalid_client"],
    ["a wrong secret (post)", () => postForm(baseUrl, "/oauth/token", { grant_type: "client_credentials", client_id: confidential.clientId, client_secret: "latch_cs_wrong" }), 401, "invalid_client"],
    ["a confidential client without its secret", () => postForm(baseUrl, "/oauth/token", { grant_type: "client_credentials", client_id: confidential.clientId }), 401, "invalid_client"],
    ["a public client sending a secret", () => postForm(baseUrl, "/oauth/token", { grant_type: "refresh_token", refresh_token: "x", client_id: publicClient.clientId, client_secret: "latch_cs_x" }), 401, "invalid_client"],
    ["a disabled client", () => postForm(baseUrl, "/oauth/token", { grant_type: "client_credentials" }, { authorization: basic(disabled.clientId, disabled.clientSecret!) }), 401, "invalid_client"],
    ["Basic and client_secret together", () => postForm(baseUrl, "/oauth/token", { grant_type: "client_credentials", client_secret: "x" }, { authorization: cc() }), 400, "invalid_request"],
    ["no grant_type", () => postForm(baseUrl, "/oauth/token", {}, { authorization: cc() }), 400, "invalid_request"],
    ["an unknown grant_type", () => postForm(baseUrl, "/oauth/token", { grant_type: "password", username: "a", password: "b" }, { authorization: cc() }), 400, "unsupported_grant_type"],
    ["authorization_code without code", () => postForm(baseUrl, "/oauth/token", { grant_type: "authorization_code", redirect_uri: redirectUri }, { authorization: cc() }), 400, "invalid_request"],
    ["authorization_code without redirect_uri", () => postForm(baseUrl, "/oauth/token", { grant_type: "authorization_code", code: "latch_ac_x" }, { authorization: cc() }), 400, "invalid_request"],
    ["an unknown code", () => postForm(baseUrl, "/oauth/token", { grant_type: "authorization_code", code: "latch_ac_unknownunknownunknown", redirect_uri: redirectUri }, { authorization: cc() }), 400, "invalid_grant"],
    ["a code that is not a Latch code", () => postForm(baseUrl, "/oauth/token", { grant_type: "authorization_code", code: "'; DROP TABLE x; --\u0000", redirect_uri: redirectUri }, { authorization: cc() }), 400, "invalid_grant"],
    ["refresh_token without the token", () => postForm(baseUrl, "/oauth/token", { grant_type: "refresh_token" }, { authorization: cc() }), 400, "invalid_request"],
    ["an unknown refresh token", () => postForm(baseUrl, "/oauth/token", { grant_type: "refresh_token", refresh_token: "latch_rt_unknown" }, { authorization: cc() }), 400, "invalid_grant"],
    ["client_credentials for a public client", () => postForm(baseUrl, "/oauth/token", { grant_type: "client_credentials", client_id: publicClient.clientId }), 400, "unauthorized_client"],
    ["client_credentials for a client nobody connected", () => postForm(baseUrl, "/oauth/token", { grant_type: "client_credentials" }, { authorization: basic(unowned.clientId, unowned.clientSecret!) }), 400, "unauthorized_client"],
    ["client_credentials with an unknown scope", () => postForm(baseUrl, "/oauth/token", { grant_type: "client_credentials", scope: "root" }, { authorization: cc() }), 400, "invalid_scope"],
    ["an unknown scope with quotes and accents", () => postForm(baseUrl, "/oauth/token", { grant_type: "client_credentials", scope: 'r\u00f6\u00f6t "x\\' }, { authorization: cc() }), 400, "invalid_scope"],
    ["client_credentials for another server", () => postForm(baseUrl, "/oauth/token", { grant_type: "client_credentials", resource: "https://other.example/api/v1" }, { authorization: cc() }), 400, "invalid_target"],
  ];
  it.each(cases)("%s", async (_name, send, status, error) => {
    const answer = await send();
    expect(answer.status).toBe(status);
    expect(answer.json.error).toBe(error);
    expect(typeof answer.json.error_description).toBe("string");
    // RFC 6749 §5.2: printable ASCII without a double quote or a backslash.
    expect(answer.json.error_description).toMatch(/^[\x20\x21\x23-\x5B\x5D-\x7E]+$/);
    expect(answer.response.headers.get("cache-control")).toBe("no-store");
    expect(answer.response.headers.get("pragma")).toBe("no-cache");
    expect(answer.response.headers.get("content-type")).toContain("application/json");
    expect(answer.text).not.toMatch(/at [\w.]+ \(|prisma|stack/i);
  });

  it("answers invalid_client with a Basic challenge only when Basic was used", async () => {
    const viaBasic = await postForm(baseUrl, "/oauth/token", { grant_type: "client_credentials" }, { authorization: basic(confidential.clientId, "latch_cs_wrong") });
    expect([viaBasic.status, viaBasic.json.error]).toEqual([401, "invalid_client"]);
    expect(viaBasic.response.headers.get("www-authenticate")).toMatch(/^Basic realm="Latch"/);
    const malformed = await postForm(baseUrl, "/oauth/token", { grant_type: "client_credentials" }, { authorization: "Basic !!!not-base64" });
    expect([malformed.status, malformed.json.error]).toEqual([401, "invalid_client"]);
    expect(malformed.response.headers.get("www-authenticate")).toMatch(/^Basic /);
    const badEncoding = await postForm(baseUrl, "/oauth/token", { grant_type: "client_credentials" }, { authorization: `Basic ${Buffer.from("%E0%A4%A:x").toString("base64")}` });
    expect([badEncoding.status, badEncoding.json.error]).toEqual([401, "invalid_client"]);
    const viaPost = await postForm(baseUrl, "/oauth/token", { grant_type: "client_credentials", client_id: confidential.clientId, client_secret: "latch_cs_wrong" });
    expect(viaPost.response.headers.get("www-authenticate")).toBeNull();
  });

  it.each(["/oauth/token", "/oauth/revoke", "/oauth/introspect", "/oauth/register"])("answers GET %s with 405 in the RFC shape", async (path) => {
    const response = await fetch(`${baseUrl}${path}`);
    expect(response.status).toBe(405);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(((await response.json()) as { error: string }).error).toBe("invalid_request");
  });
});

describe("revocation, introspection and registration errors", () => {
  const cases: [string, () => Promise<Answer>, number, string][] = [
    ["revoke without client authentication", () => postForm(baseUrl, "/oauth/revoke", { token: "latch_at_x" }), 401, "invalid_client"],
    ["revoke with a wrong secret", () => postForm(baseUrl, "/oauth/revoke", { token: "latch_at_x" }, { authorization: basic(confidential.clientId, "nope") }), 401, "invalid_client"],
    ["revoke without a token", () => postForm(baseUrl, "/oauth/revoke", {}, { authorization: basic(confidential.clientId, confidential.clientSecret!) }), 400, "invalid_request"],
    ["revoke with a JSON body", () => postForm(baseUrl, "/oauth/revoke", {}, { "content-type": "application/json" }), 400, "invalid_request"],
    ["introspect without client authentication", () => postForm(baseUrl, "/oauth/introspect", { token: "latch_at_x" }), 401, "invalid_client"],
    ["introspect by a public client", () => postForm(baseUrl, "/oauth/introspect", { token: "latch_at_x", client_id: publicClient.clientId }), 401, "invalid_client"],
    ["introspect without a token", () => postForm(baseUrl, "/oauth/introspect", {}, { authorization: basic(confidential.clientId, confidential.clientSecret!) }), 400, "invalid_request"],
  ];
  it.each(cases)("%s", async (_name, send, status, error) => {
    const answer = await send();
    expect([answer.status, answer.json.error]).toEqual([status, error]);
    expect(answer.response.headers.get("cache-control")).toBe("no-store");
  });

  const register = async (body: string, contentType = "application/json") => {
    const response = await fetch(`${baseUrl}/oauth/register`, { method: "POST", headers: { "content-type": contentType }, body });
    return { status: response.status, json: (await response.json()) as Record<string, unknown>, cache: response.headers.get("cache-control") };
  };
  const registrations: [string, string, string, string?][] = [
    ["not JSON", "{nope", "invalid_client_metadata"],
    ["a form body", "redirect_uris=x", "invalid_client_metadata", "application/x-www-form-urlencoded"],
    ["a JSON array", "[]", "invalid_client_metadata"],
    ["no redirect_uris", JSON.stringify({ client_name: "x" }), "invalid_redirect_uri"],
    ["an empty redirect_uris", JSON.stringify({ redirect_uris: [] }), "invalid_redirect_uri"],
    ["http on a public host", JSON.stringify({ redirect_uris: ["http://app.example/cb"] }), "invalid_redirect_uri"],
    ["a javascript: URI", JSON.stringify({ redirect_uris: ["javascript:alert(1)"] }), "invalid_redirect_uri"],
    ["a fragment", JSON.stringify({ redirect_uris: ["https://app.example/cb#x"] }), "invalid_redirect_uri"],
    ["a relative URI", JSON.stringify({ redirect_uris: ["/cb"] }), "invalid_redirect_uri"],
    ["private_key_jwt", JSON.stringify({ redirect_uris: [redirectUri], token_endpoint_auth_method: "private_key_jwt" }), "invalid_client_metadata"],
    ["the implicit response type", JSON.stringify({ redirect_uris: [redirectUri], response_types: ["token"] }), "invalid_client_metadata"],
    ["the password grant", JSON.stringify({ redirect_uris: [redirectUri], grant_types: ["password"] }), "invalid_client_metadata"],
    ["no grant type", JSON.stringify({ redirect_uris: [redirectUri], grant_types: [] }), "invalid_client_metadata"],
    ["only refresh_token", JSON.stringify({ redirect_uris: [redirectUri], grant_types: ["refresh_token"] }), "invalid_client_metadata"],
    ["client_credentials without a secret", JSON.stringify({ redirect_uris: [redirectUri], grant_types: ["client_credentials"], token_endpoint_auth_method: "none" }), "invalid_client_metadata"],
    ["an unknown scope", JSON.stringify({ redirect_uris: [redirectUri], scope: "god:mode" }), "invalid_client_metadata"],
    ["a client_name that is not a string", JSON.stringify({ redirect_uris: [redirectUri], client_name: 42 }), "invalid_client_metadata"],
    ["a logo_uri that is not a URL", JSON.stringify({ redirect_uris: [redirectUri], logo_uri: "not a url" }), "invalid_client_metadata"],
  ];
  it.each(registrations)("register with %s", async (_name, body, error, contentType) => {
    const answer = await register(body, contentType);
    expect([answer.status, answer.json.error]).toEqual([400, error]);
    expect(typeof answer.json.error_description).toBe("string");
    expect(answer.cache).toBe("no-store");
  });
});
