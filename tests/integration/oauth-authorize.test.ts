import * as oauth from "oauth4webapi";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { getClient } from "@/lib/clients/get-client";
import { PERMISSIONS, PERMISSIONS_BY_GROUP, READ_ONLY_KEYS } from "@/lib/permissions/catalogue";
import { createTestClient } from "../support/factories";
import { HttpSession } from "../support/http-session";
import {
  INSECURE,
  authorizeThroughConsent,
  authorizeUrl,
  discover,
  newPkce,
  openConsent,
  randomState,
  signedInOwner,
  submitConsent,
} from "../support/oauth";

const baseUrl = inject("baseUrl");
const redirectUri = "https://app.example.test/callback";
let as: oauth.AuthorizationServer;

beforeAll(async () => {
  as = await discover(baseUrl);
});

async function registerDynamic(name = "Agent Smith") {
  const response = await oauth.dynamicClientRegistrationRequest(
    as,
    { client_name: name, redirect_uris: [redirectUri], token_endpoint_auth_method: "none", grant_types: ["authorization_code", "refresh_token"] },
    INSECURE,
  );
  return oauth.processDynamicClientRegistrationResponse(response);
}

describe("authorization endpoint", () => {
  it("sends a signed-out visitor to sign in and back to the same request", async () => {
    const { owner } = await signedInOwner(baseUrl);
    const created = await createTestClient(owner.id);
    const url = authorizeUrl(as, { clientId: created.clientId, redirectUri, state: "keep me", pkce: await newPkce(), scope: "sales:read" });
    const response = await fetch(url, { redirect: "manual" });
    expect(response.status).toBe(303);
    const login = new URL(response.headers.get("location")!, baseUrl);
    expect(login.pathname).toBe("/login");
    const back = new URL(login.searchParams.get("callbackUrl")!, baseUrl);
    expect(back.pathname).toBe("/oauth/authorize");
    expect([...back.searchParams].sort()).toEqual([...url.searchParams].sort());

    // After signing in, the same URL leads to the consent page.
    const session = new HttpSession(baseUrl);
    await session.signIn(owner.email, owner.password);
    const page = await openConsent(session, back);
    expect(page.status).toBe(200);
  });

  it("shows who is asking, how it was registered, where it redirects and what it could do", async () => {
    const { owner, session } = await signedInOwner(baseUrl);
    const created = await createTestClient(owner.id, { name: "Ledger Bot" });
    const page = await openConsent(session, authorizeUrl(as, { clientId: created.clientId, redirectUri, pkce: await newPkce() }));
    expect(page.html).toContain("Ledger Bot");
    expect(page.html).toContain("Created in the dashboard");
    expect(page.html).toContain("app.example.test");
    const destructive = PERMISSIONS.filter((p) => p.kind === "destructive");
    expect(page.html).toContain(`${destructive.length} destructive`);
    expect(page.html).toContain(destructive[0]!.label);
    expect(page.html).toContain(`See all ${PERMISSIONS.length} permissions`);
    expect(page.html).toMatch(/>Allow</);
    expect(page.html).toMatch(/>Deny</);
    expect(page.fields.find(([k]) => k === "consent_token")).toBeTruthy();
  });

  it("shows only what the requested scope leaves", async () => {
    const { owner, session } = await signedInOwner(baseUrl);
    const created = await createTestClient(owner.id);
    const page = await openConsent(session, authorizeUrl(as, { clientId: created.clientId, redirectUri, pkce: await newPkce(), scope: "sales:read" }));
    const salesRead = [...PERMISSIONS_BY_GROUP.get("sales")!, ...PERMISSIONS_BY_GROUP.get("product_sales")!].filter((p) => p.kind === "read");
    expect(page.html).toContain(`use ${salesRead.length} permissions`);
    expect(page.html).toContain("0 destructive");
  });

  it("cannot be framed, sends no referrer, and is not cached or shared cross-origin", async () => {
    const { owner, session } = await signedInOwner(baseUrl);
    const created = await createTestClient(owner.id);
    const url = authorizeUrl(as, { clientId: created.clientId, redirectUri, pkce: await newPkce() });
    const first = await session.fetch(url.pathname + url.search);
    const consentUrl = new URL(first.headers.get("location")!, baseUrl);
    const page = await session.fetch(consentUrl.pathname + consentUrl.search);
    for (const response of [first, page]) {
      expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
      expect(response.headers.get("referrer-policy")).toBe("no-referrer");
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
      expect(response.headers.get("cache-control")).toContain("no-store");
    }
    const decision = await submitConsent(session, { status: 200, html: "", fields: (await openConsent(session, url)).fields }, { decision: "allow" });
    expect(decision.headers.get("referrer-policy")).toBe("no-referrer");
    expect(decision.headers.get("cache-control")).toContain("no-store");
  });

  it("on Allow redirects with code, state and iss; on Deny with access_denied", async () => {
    const { owner, session } = await signedInOwner(baseUrl);
    const created = await createTestClient(owner.id);
    const client = { client_id: created.clientId };
    const state = randomState();
    const allowed = await authorizeThroughConsent(session, authorizeUrl(as, { clientId: created.clientId, redirectUri, state, pkce: await newPkce() }));
    expect(allowed.origin + allowed.pathname).toBe(redirectUri);
    expect(allowed.searchParams.get("iss")).toBe(baseUrl);
    expect(allowed.searchParams.get("state")).toBe(state);
    expect(allowed.searchParams.get("code")).toMatch(/^latch_ac_/);
    expect(oauth.validateAuthResponse(as, client, allowed, state).get("code")).toBeTruthy();

    const denied = await authorizeThroughConsent(session, authorizeUrl(as, { clientId: created.clientId, redirectUri, state, pkce: await newPkce() }), { decision: "deny" });
    expect(denied.searchParams.get("error")).toBe("access_denied");
    expect(denied.searchParams.get("state")).toBe(state);
    expect(denied.searchParams.get("iss")).toBe(baseUrl);
    expect(denied.searchParams.get("code")).toBeNull();
    expect(() => oauth.validateAuthResponse(as, client, denied, state)).toThrow(oauth.AuthorizationResponseError);
  });

  it("keeps the query a redirect URI already has", async () => {
    const { owner, session } = await signedInOwner(baseUrl);
    const withQuery = "https://app.example.test/cb?tenant=42";
    const created = await createTestClient(owner.id, { redirectUris: [withQuery] });
    const allowed = await authorizeThroughConsent(session, authorizeUrl(as, { clientId: created.clientId, redirectUri: withQuery, pkce: await newPkce() }));
    expect(allowed.searchParams.get("tenant")).toBe("42");
    expect(allowed.searchParams.get("code")).toBeTruthy();
  });
});

describe("consent form protection", () => {
  async function consentPage() {
    const { owner, session } = await signedInOwner(baseUrl);
    const created = await createTestClient(owner.id);
    const page = await openConsent(session, authorizeUrl(as, { clientId: created.clientId, redirectUri, pkce: await newPkce(), state: "s" }));
    return { owner, session, created, page };
  }

  it("refuses a decision without the form's token", async () => {
    const { session, page } = await consentPage();
    const withoutToken = { ...page, fields: page.fields.filter(([k]) => k !== "consent_token") };
    const refused = await submitConsent(session, withoutToken, { decision: "allow" });
    expect(refused.status).toBe(403);
    expect(refused.headers.get("location")).toBeNull();

  });

  it("refuses a consent token shown to another owner", async () => {
    const registered = await registerDynamic();
    const url = authorizeUrl(as, { clientId: registered.client_id, redirectUri, pkce: await newPkce() });
    const { session: alice } = await signedInOwner(baseUrl, "alice");
    const alicePage = await openConsent(alice, url);
    const { session: mallory } = await signedInOwner(baseUrl, "mallory");
    const replayed = await submitConsent(mallory, alicePage, { decision: "allow", access: "all" });
    expect(replayed.status).toBe(403);
    expect(replayed.headers.get("location")).toBeNull();
    expect(await db().oAuthClient.count({ where: { clientId: registered.client_id, ownerId: null } })).toBe(1);
  });

  it("refuses a decision whose parameters were changed after the page was shown", async () => {
    const { session, page } = await consentPage();
    const tampered = { ...page, fields: page.fields.map(([k, v]): [string, string] => (k === "state" ? [k, "other"] : [k, v])) };
    const refused = await submitConsent(session, tampered, { decision: "allow" });
    expect(refused.status).toBe(403);
  });

  it("refuses a cross-site form post", async () => {
    const { session, page } = await consentPage();
    const crossSite = await submitConsent(session, page, { decision: "allow" }, { "sec-fetch-site": "cross-site" });
    expect(crossSite.status).toBe(403);
    const otherOrigin = await submitConsent(session, page, { decision: "allow" }, { origin: "https://evil.example" });
    expect(otherOrigin.status).toBe(403);
    expect(otherOrigin.headers.get("location")).toBeNull();
    // The same form from Latch's own page still works.
    expect((await submitConsent(session, page, { decision: "allow" })).status).toBe(303);
  });

  it("sends a signed-out form post to sign in instead of deciding", async () => {
    const { page } = await consentPage();
    const anonymous = new HttpSession(baseUrl);
    const response = await submitConsent(anonymous, page, { decision: "allow" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toMatch(/^\/login\?callbackUrl=%2Foauth%2Fauthorize/);
  });
});

describe("whose client is it", () => {
  it("shows another owner's dashboard client as not found, without redirecting", async () => {
    const { owner } = await signedInOwner(baseUrl);
    const created = await createTestClient(owner.id);
    const { session: other } = await signedInOwner(baseUrl, "other");
    const url = authorizeUrl(as, { clientId: created.clientId, redirectUri, pkce: await newPkce() });
    const response = await other.fetch(url.pathname + url.search);
    expect(response.status).toBe(404);
    expect(response.headers.get("location")).toBeNull();
    expect(await response.text()).toContain("not available to your account");
  });

  it("makes a registered client the owner's at first consent, read-only preselected, and refuses it to anyone else", async () => {
    const registered = await registerDynamic("Research agent");
    const { owner, session } = await signedInOwner(baseUrl);
    const url = authorizeUrl(as, { clientId: registered.client_id, redirectUri, pkce: await newPkce() });
    const page = await openConsent(session, url);
    expect(page.html).toContain("Dynamic registration");
    expect(page.html.match(/<input[^>]*value="read_only"[^>]*>/)?.[0]).toContain('checked=""');
    expect(page.html.match(/<input[^>]*value="all"[^>]*>/)?.[0]).not.toContain("checked");
    expect(page.html).toContain(`${READ_ONLY_KEYS.length} read`);
    expect(page.html).toContain("0 destructive");
    const answer = await submitConsent(session, page, { decision: "allow", access: "read_only" });
    expect(new URL(answer.headers.get("location")!).searchParams.get("code")).toBeTruthy();

    const row = await db().oAuthClient.findFirst({ where: { clientId: registered.client_id } });
    const details = await getClient(owner.id, row!.id);
    expect(details).toMatchObject({ registration: "dynamic", name: "Research agent" });
    expect(new Set(details!.permissions)).toEqual(new Set(READ_ONLY_KEYS));
    const audit = await db().auditEvent.findFirst({ where: { ownerId: owner.id, action: "client.connect", targetId: row!.id } });
    expect(audit).toBeTruthy();

    const { session: other, owner: otherOwner } = await signedInOwner(baseUrl, "second");
    const refused = await other.fetch(url.pathname + url.search);
    expect(refused.status).toBe(404);
    expect(refused.headers.get("location")).toBeNull();
    expect(await getClient(otherOwner.id, row!.id)).toBeNull();

    // The owner's next consent shows the permissions chosen, with no choice to make.
    const again = await openConsent(session, url);
    expect(again.html).not.toContain('value="read_only"');
  });

  it("lets the owner choose groups at first consent, and insists on at least one", async () => {
    const registered = await registerDynamic();
    const { session } = await signedInOwner(baseUrl);
    const url = authorizeUrl(as, { clientId: registered.client_id, redirectUri, pkce: await newPkce() });
    const page = await openConsent(session, url);
    const none = await submitConsent(session, page, { decision: "allow", access: "groups", groups: [] });
    expect(none.status).toBe(303);
    const back = new URL(none.headers.get("location")!, baseUrl);
    expect(back.pathname).toBe("/oauth/consent");
    const again = await session.fetch(back.pathname + back.search);
    expect(await again.text()).toContain("Choose at least one group");
    expect(await db().oAuthClient.count({ where: { clientId: registered.client_id, ownerId: null } })).toBe(1);

    const chosen = await submitConsent(session, page, { decision: "allow", access: "groups", groups: ["customers", "refunds"] });
    expect(new URL(chosen.headers.get("location")!).searchParams.get("code")).toBeTruthy();
    const row = await db().oAuthClient.findFirst({ where: { clientId: registered.client_id } });
    const expected = [...PERMISSIONS_BY_GROUP.get("customers")!, ...PERMISSIONS_BY_GROUP.get("refunds")!].map((p) => p.key);
    expect(new Set(row!.permissions.split(" "))).toEqual(new Set(expected));
  });

  it("leaves a registered client unconnected when the first owner denies", async () => {
    const registered = await registerDynamic();
    const { session } = await signedInOwner(baseUrl);
    const denied = await authorizeThroughConsent(session, authorizeUrl(as, { clientId: registered.client_id, redirectUri, pkce: await newPkce() }), { decision: "deny" });
    expect(denied.searchParams.get("error")).toBe("access_denied");
    expect(await db().oAuthClient.count({ where: { clientId: registered.client_id, ownerId: null } })).toBe(1);
  });
});
