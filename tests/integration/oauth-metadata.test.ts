import * as oauth from "oauth4webapi";
import { describe, expect, inject, it } from "vitest";
import { SCOPES_SUPPORTED } from "@/lib/permissions/scopes";
import { discover } from "../support/oauth";

const baseUrl = inject("baseUrl");

describe("authorization server metadata (RFC 8414)", () => {
  it("is discovered by a strict client with the issuer exactly the public URL", async () => {
    const as = await discover(baseUrl);
    expect(as.issuer).toBe(baseUrl);
    expect(as.authorization_endpoint).toBe(`${baseUrl}/oauth/authorize`);
    expect(as.token_endpoint).toBe(`${baseUrl}/oauth/token`);
    expect(as.revocation_endpoint).toBe(`${baseUrl}/oauth/revoke`);
    expect(as.introspection_endpoint).toBe(`${baseUrl}/oauth/introspect`);
    expect(as.registration_endpoint).toBe(`${baseUrl}/oauth/register`);
    expect(as.response_types_supported).toEqual(["code"]);
    expect(as.grant_types_supported).toEqual(expect.arrayContaining(["authorization_code", "refresh_token", "client_credentials"]));
    expect(as.code_challenge_methods_supported).toEqual(["S256"]);
    expect(as.token_endpoint_auth_methods_supported).toEqual(expect.arrayContaining(["client_secret_basic", "client_secret_post", "none"]));
    expect(as.authorization_response_iss_parameter_supported).toBe(true);
    expect(as.client_id_metadata_document_supported).toBe(true);
  });

  it("lists a short set of group scopes, never every permission", async () => {
    const as = await discover(baseUrl);
    expect(as.scopes_supported).toEqual([...SCOPES_SUPPORTED]);
    expect(as.scopes_supported!.length).toBeLessThan(40);
    expect(as.scopes_supported).toContain("sales:read");
    expect(as.scopes_supported!.every((s) => /^[a-z_]+:(read|write)$/.test(s))).toBe(true);
  });

  it("is readable cross-origin, and its preflight needs no authentication", async () => {
    const response = await fetch(`${baseUrl}/.well-known/oauth-authorization-server`, { headers: { origin: "https://app.example" } });
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const preflight = await fetch(`${baseUrl}/.well-known/oauth-authorization-server`, {
      method: "OPTIONS",
      headers: { origin: "https://app.example", "access-control-request-method": "GET", "access-control-request-headers": "mcp-protocol-version" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-headers")).toMatch(/MCP-Protocol-Version/i);
  });

  it("answers CORS preflights on token, revoke, introspect and register, but not on authorize", async () => {
    for (const path of ["/oauth/token", "/oauth/revoke", "/oauth/introspect", "/oauth/register"]) {
      const preflight = await fetch(`${baseUrl}${path}`, {
        method: "OPTIONS",
        headers: {
          origin: "https://app.example",
          "access-control-request-method": "POST",
          "access-control-request-headers": "authorization, content-type, mcp-protocol-version",
        },
      });
      expect(preflight.status, path).toBe(204);
      expect(preflight.headers.get("access-control-allow-origin"), path).toBe("*");
      const allowed = (preflight.headers.get("access-control-allow-headers") ?? "").toLowerCase();
      for (const header of ["authorization", "content-type", "mcp-protocol-version"]) expect(allowed, path).toContain(header);
      expect(preflight.headers.get("access-control-allow-methods"), path).toContain("POST");
    }
    const authorize = await fetch(`${baseUrl}/oauth/authorize`, {
      method: "OPTIONS",
      headers: { origin: "https://app.example", "access-control-request-method": "POST" },
    });
    expect(authorize.headers.get("access-control-allow-origin")).toBeNull();
    const get = await fetch(`${baseUrl}/oauth/authorize?client_id=x`, { headers: { origin: "https://app.example" }, redirect: "manual" });
    expect(get.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("puts CORS headers on token endpoint answers, errors included", async () => {
    const response = await fetch(`${baseUrl}/oauth/token`, {
      method: "POST",
      headers: { origin: "https://app.example", "content-type": "application/x-www-form-urlencoded" },
      body: "grant_type=client_credentials",
    });
    expect(response.status).toBe(401);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("is refused by a client expecting another issuer", async () => {
    const response = await oauth.discoveryRequest(new URL(baseUrl), { algorithm: "oauth2", [oauth.allowInsecureRequests]: true });
    await expect(oauth.processDiscoveryResponse(new URL("https://other.example"), response)).rejects.toThrow();
  });
});
