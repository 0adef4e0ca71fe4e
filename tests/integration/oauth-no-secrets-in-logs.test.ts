import fs from "node:fs";
import * as oauth from "oauth4webapi";
import { describe, expect, inject, it } from "vitest";
import { createTestClient } from "../support/factories";
import { INSECURE, authorizeThroughConsent, authorizeUrl, basic, discover, newPkce, postForm, runCodeFlow, signedInOwner } from "../support/oauth";

const baseUrl = inject("baseUrl");
const logFile = inject("serverLogFile");
const redirectUri = "https://app.example.test/callback";
const SECRET_SHAPE = /latch_(at|rt|ac|cs)_[A-Za-z0-9_-]{16,}/;

describe("secrets stay out of logs and error messages", () => {
  it("logs no secret, code or token, and echoes none in an error", async () => {
    const as = await discover(baseUrl);
    const seen: string[] = [];
    const answers: string[] = [];
    const { owner, session } = await signedInOwner(baseUrl);
    const created = await createTestClient(owner.id);
    seen.push(created.clientSecret!);
    const client = { client_id: created.clientId };
    const auth = oauth.ClientSecretBasic(created.clientSecret!);

    const { tokens, code, pkce } = await runCodeFlow({ session, as, client, auth, redirectUri });
    seen.push(code, tokens.access_token, tokens.refresh_token!);
    const refreshed = await oauth.processRefreshTokenResponse(as, client, await oauth.refreshTokenGrantRequest(as, client, auth, tokens.refresh_token!, INSECURE));
    seen.push(refreshed.access_token, refreshed.refresh_token!);

    // Failures that handle secrets: reuse, wrong verifier, wrong secret, stolen tokens.
    const form = (params: Record<string, string>, authorization = basic(created.clientId, created.clientSecret!)) =>
      postForm(baseUrl, "/oauth/token", params, { authorization });
    answers.push((await form({ grant_type: "authorization_code", code, redirect_uri: redirectUri, code_verifier: pkce.verifier })).text);
    answers.push((await form({ grant_type: "refresh_token", refresh_token: tokens.refresh_token! })).text);
    answers.push((await form({ grant_type: "client_credentials" }, basic(created.clientId, `${created.clientSecret}x`))).text);
    const fresh = await authorizeThroughConsent(session, authorizeUrl(as, { clientId: created.clientId, redirectUri, pkce: await newPkce() }));
    const freshCode = fresh.searchParams.get("code")!;
    seen.push(freshCode);
    answers.push((await form({ grant_type: "authorization_code", code: freshCode, redirect_uri: redirectUri, code_verifier: pkce.verifier })).text);
    answers.push((await postForm(baseUrl, "/oauth/introspect", { token: refreshed.access_token, client_id: created.clientId, client_secret: "latch_cs_guess" })).text);
    answers.push((await postForm(baseUrl, "/oauth/revoke", { token: refreshed.refresh_token!, client_id: created.clientId, client_secret: created.clientSecret! })).text);
    const registered = await (
      await fetch(`${baseUrl}/oauth/register`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ redirect_uris: [redirectUri] }) })
    ).json();
    seen.push((registered as { client_secret: string }).client_secret);

    for (const text of answers) {
      expect(text).not.toMatch(SECRET_SHAPE);
      for (const secret of seen) expect(text).not.toContain(secret);
    }
    // Give the server a moment to flush what it would have logged.
    await new Promise((r) => setTimeout(r, 300));
    const log = fs.readFileSync(logFile, "utf8");
    for (const secret of seen) expect(log.includes(secret), "a secret reached the server log").toBe(false);
    expect(log).not.toMatch(SECRET_SHAPE);
  });
});
