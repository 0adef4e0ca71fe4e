// Client-side helpers for the OAuth tests: oauth4webapi as the client (the
// same library real apps use), and a signed-in owner driving the real
// consent page over HTTP.
import crypto from "node:crypto";
import * as oauth from "oauth4webapi";
import { expect } from "vitest";
import { createOwner } from "./factories";
import { HttpSession } from "./http-session";

/** Plain http is allowed only because the test server listens on loopback. */
export const INSECURE = { [oauth.allowInsecureRequests]: true } as const;

export async function discover(baseUrl: string): Promise<oauth.AuthorizationServer> {
  const issuer = new URL(baseUrl);
  const response = await oauth.discoveryRequest(issuer, { algorithm: "oauth2", ...INSECURE });
  return oauth.processDiscoveryResponse(issuer, response);
}

export async function signedInOwner(baseUrl: string, label = "oauth") {
  const owner = await createOwner(label);
  const session = new HttpSession(baseUrl);
  const signedIn = await session.signIn(owner.email, owner.password);
  expect(signedIn.ok).toBe(true);
  return { owner, session };
}

export interface Pkce {
  verifier: string;
  challenge: string;
}

export async function newPkce(): Promise<Pkce> {
  const verifier = oauth.generateRandomCodeVerifier();
  return { verifier, challenge: await oauth.calculatePKCECodeChallenge(verifier) };
}

export interface AuthorizeOptions {
  clientId: string;
  redirectUri: string;
  state?: string | null;
  pkce?: Pkce | null;
  scope?: string;
  resource?: string | string[];
  extra?: Record<string, string>;
}

export function authorizeUrl(as: oauth.AuthorizationServer, options: AuthorizeOptions): URL {
  const url = new URL(as.authorization_endpoint!);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("client_id", options.clientId);
  url.searchParams.set("redirect_uri", options.redirectUri);
  if (options.state !== null) url.searchParams.set("state", options.state ?? oauth.generateRandomState());
  if (options.pkce) {
    url.searchParams.set("code_challenge", options.pkce.challenge);
    url.searchParams.set("code_challenge_method", "S256");
  }
  if (options.scope) url.searchParams.set("scope", options.scope);
  for (const r of [options.resource ?? []].flat()) url.searchParams.append("resource", r);
  for (const [k, v] of Object.entries(options.extra ?? {})) url.searchParams.set(k, v);
  return url;
}

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#x27;": "'", "&#39;": "'" };
const unescapeHtml = (s: string) => s.replace(/&(amp|lt|gt|quot|#x27|#39);/g, (e) => ENTITIES[e]!);

/** The hidden fields of the consent form, as the browser would send them. */
export function hiddenFields(html: string): [string, string][] {
  const fields: [string, string][] = [];
  for (const tag of html.match(/<input[^>]*type="hidden"[^>]*>/g) ?? []) {
    const name = /name="([^"]*)"/.exec(tag)?.[1];
    const value = /value="([^"]*)"/.exec(tag)?.[1] ?? "";
    if (name) fields.push([unescapeHtml(name), unescapeHtml(value)]);
  }
  return fields;
}

export interface ConsentPage {
  status: number;
  html: string;
  fields: [string, string][];
}

/** Follows /oauth/authorize to the consent page as the signed-in owner. */
export async function openConsent(session: HttpSession, url: URL): Promise<ConsentPage> {
  const first = await session.fetch(url.pathname + url.search);
  expect(first.status, await first.clone().text()).toBe(303);
  const location = new URL(first.headers.get("location")!, url);
  expect(location.pathname).toBe("/oauth/consent");
  const page = await session.fetch(location.pathname + location.search);
  const html = await page.text();
  return { status: page.status, html, fields: hiddenFields(html) };
}

export interface Decision {
  decision: "allow" | "deny";
  access?: "read_only" | "all" | "groups";
  groups?: string[];
}

/** Submits the consent form and returns the answer (normally a 303 to the client). */
export async function submitConsent(session: HttpSession, page: ConsentPage, decision: Decision, headers: Record<string, string> = {}) {
  const body = new URLSearchParams(page.fields);
  body.set("decision", decision.decision);
  if (decision.access) body.set("access", decision.access);
  for (const g of decision.groups ?? []) body.append("group", g);
  return session.fetch("/oauth/authorize", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: new URL(session.baseUrl).origin, ...headers },
    body,
  });
}

/** Authorize URL → consent → decision; returns the Location the browser is sent to. */
export async function authorizeThroughConsent(session: HttpSession, url: URL, decision: Decision = { decision: "allow", access: "read_only" }): Promise<URL> {
  const page = await openConsent(session, url);
  expect(page.status).toBe(200);
  const answer = await submitConsent(session, page, decision);
  expect(answer.status, await answer.clone().text()).toBe(303);
  return new URL(answer.headers.get("location")!);
}

export function clientOf(clientId: string): oauth.Client {
  return { client_id: clientId };
}

export function randomState(): string {
  return crypto.randomBytes(12).toString("base64url");
}

export interface CodeFlowOptions {
  session: HttpSession;
  as: oauth.AuthorizationServer;
  client: oauth.Client;
  auth: oauth.ClientAuth;
  redirectUri: string;
  scope?: string;
  resource?: string;
  decision?: Decision;
}

/** The whole authorization code flow with PKCE, through the real consent form. */
export async function runCodeFlow(options: CodeFlowOptions) {
  const pkce = await newPkce();
  const state = randomState();
  const url = authorizeUrl(options.as, {
    clientId: options.client.client_id,
    redirectUri: options.redirectUri,
    state,
    pkce,
    scope: options.scope,
    resource: options.resource,
  });
  const callback = await authorizeThroughConsent(options.session, url, options.decision);
  const params = oauth.validateAuthResponse(options.as, options.client, callback, state);
  const response = await oauth.authorizationCodeGrantRequest(options.as, options.client, options.auth, params, options.redirectUri, pkce.verifier, INSECURE);
  const tokens = await oauth.processAuthorizationCodeResponse(options.as, options.client, response);
  return { tokens, code: params.get("code")!, params, pkce, callback, state };
}

/** A raw form POST to an OAuth endpoint, for the cases a strict client library refuses to send. */
export async function postForm(baseUrl: string, path: string, params: Record<string, string> | URLSearchParams, headers: Record<string, string> = {}) {
  const response = await fetch(`${baseUrl}${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: params instanceof URLSearchParams ? params : new URLSearchParams(params),
  });
  const text = await response.text();
  let json: Record<string, unknown> = {};
  try {
    json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    json = {};
  }
  return { response, status: response.status, json, text };
}

export function basic(clientId: string, secret: string): string {
  const encode = (s: string) => encodeURIComponent(s).replace(/%20/g, "+");
  return `Basic ${Buffer.from(`${encode(clientId)}:${encode(secret)}`).toString("base64")}`;
}
