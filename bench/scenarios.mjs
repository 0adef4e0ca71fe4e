// What `npm run bench` measures: one entry per row of the table. Request
// shapes follow the standards (RFC 6749 client_secret_basic, RFC 7662
// introspection, MCP Streamable HTTP), so the endpoints need no wiring here
// when they land; a scenario whose endpoint answers with Next's 404 page is
// reported as skipped.
//
// target: "latch" (production server, big table), "latchNext" (`next start`,
// same build and database), "latchSmall" (production server, 1,000-token
// table), "oidc" (node-oidc-provider).

/** MCP protocol revision the bench speaks (the SDK's latest at the time of writing). */
export const MCP_PROTOCOL_VERSION = "2025-11-25";

/**
 * The deep page of the token list. The list pages with keyset cursors
 * (`?after=<cursor>`, base64url of "segment.createdAtMs.id", newest first);
 * set BENCH_DEEP_PAGE_PATH to a literal path to page some other way, e.g.
 * "/user/oauth-access-tokens?page=3961".
 */
export function deepPagePath(deepPage) {
  if (process.env.BENCH_DEEP_PAGE_PATH) return process.env.BENCH_DEEP_PAGE_PATH;
  const cursor = Buffer.from(`0.${deepPage.after.createdAt}.${deepPage.after.id}`, "utf8").toString("base64url");
  return `/user/oauth-access-tokens?after=${cursor}`;
}

function basic(clientId, secret) {
  // RFC 6749 §2.3.1: form-encode each part, then base64.
  const encode = (value) => encodeURIComponent(value).replace(/%20/g, "+");
  return `Basic ${Buffer.from(`${encode(clientId)}:${encode(secret)}`).toString("base64")}`;
}

const form = { "content-type": "application/x-www-form-urlencoded" };

/**
 * @param {{ fixtures: any; small: any; oidc: { clientId: string; clientSecret: string; tokens: string[] }; sessionCookie: string | null }} context
 */
export function scenarios({ fixtures, small, oidc, sessionCookie }) {
  const latchAuth = basic(fixtures.benchClient.clientId, fixtures.benchClient.secret);
  const oidcAuth = basic(oidc.clientId, oidc.clientSecret);
  const bearer = (tokens) => tokens.map((token) => ({ headers: { authorization: `Bearer ${token}` } }));
  const table = (n) => `${Math.round(n / 1000).toLocaleString("en-US")}k`;
  const session = sessionCookie ? { cookie: sessionCookie } : {};

  return [
    { id: "baseline", label: "GET /api/health (fast path)", target: "latch", path: "/api/health" },
    { id: "me", label: `GET /api/v1/me (${table(fixtures.tokenCount)} tokens)`, target: "latch", path: "/api/v1/me", variants: bearer(fixtures.bearer) },
    { id: "me-small", label: `GET /api/v1/me (${table(small.tokenCount)} tokens)`, target: "latchSmall", path: "/api/v1/me", variants: bearer(small.bearer) },
    { id: "customers", label: "GET /api/v1/customers", target: "latch", path: "/api/v1/customers", variants: bearer(fixtures.bearer) },
    {
      id: "client-credentials",
      label: "POST /oauth/token client_credentials",
      target: "latch",
      path: "/oauth/token",
      method: "POST",
      headers: { ...form, authorization: latchAuth },
      body: "grant_type=client_credentials",
      reference: "client-credentials-oidc",
    },
    {
      id: "client-credentials-oidc",
      label: "  node-oidc-provider client_credentials",
      target: "oidc",
      path: "/token",
      method: "POST",
      headers: { ...form, authorization: oidcAuth },
      body: "grant_type=client_credentials",
    },
    {
      id: "introspect",
      label: "POST /oauth/introspect",
      target: "latch",
      path: "/oauth/introspect",
      method: "POST",
      headers: { ...form, authorization: latchAuth },
      variants: fixtures.introspectable.map((token) => ({ body: `token=${token}` })),
      expectBody: /"active"\s*:\s*true/,
      reference: "introspect-oidc",
    },
    {
      id: "introspect-oidc",
      label: "  node-oidc-provider introspection",
      target: "oidc",
      path: "/token/introspection",
      method: "POST",
      headers: { ...form, authorization: oidcAuth },
      variants: oidc.tokens.map((token) => ({ body: `token=${token}` })),
      expectBody: /"active"\s*:\s*true/,
    },
    {
      id: "refresh",
      label: "POST /oauth/token refresh_token (fresh each)",
      target: "latch",
      path: "/oauth/token",
      method: "POST",
      headers: { ...form, authorization: latchAuth },
      // The first refresh token is kept for the probe; each run gets its own slice.
      freshVariants: fixtures.refresh.slice(1).map((token) => ({ body: `grant_type=refresh_token&refresh_token=${token}` })),
      probeVariant: { body: `grant_type=refresh_token&refresh_token=${fixtures.refresh[0]}` },
    },
    {
      id: "mcp-tools-list",
      label: "POST /mcp tools/list",
      target: "latch",
      path: "/mcp",
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
        "mcp-protocol-version": MCP_PROTOCOL_VERSION,
      },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list", params: {} }),
      variants: bearer(fixtures.bearer),
      expectBody: /"tools"/,
    },
    {
      id: "tokens-first",
      label: `GET /user/oauth-access-tokens (${table(fixtures.heavyOwner.tokens)} tokens, first page)`,
      target: "latch",
      path: "/user/oauth-access-tokens",
      headers: session,
      needsSession: true,
    },
    {
      id: "tokens-deep",
      label: `  deep page (after row ${fixtures.deepPage?.position.toLocaleString("en-US") ?? "?"})`,
      target: "latch",
      path: fixtures.deepPage ? deepPagePath(fixtures.deepPage) : "/user/oauth-access-tokens",
      headers: session,
      needsSession: true,
      // The page must show the row after the cursor, or it silently fell back to the first page.
      landsOn: fixtures.deepPage?.firstName,
    },
    // Last, with the other targets Next serves: the issue's targets come in its order.
    { id: "baseline-next", label: "GET /api/health (through Next)", target: "latchNext", path: "/api/health" },
  ];
}

/** The issue's targets, checked on the medians of one run. */
export const TARGETS = [
  { id: "cc-vs-oidc", label: "client_credentials ≥ 1.0× node-oidc-provider", of: "client-credentials", over: "client-credentials-oidc", min: 1.0 },
  { id: "introspect-vs-oidc", label: "introspection ≥ 1.0× node-oidc-provider", of: "introspect", over: "introspect-oidc", min: 1.0 },
  { id: "me-vs-oidc", label: "/api/v1/me ≥ 1.0× node-oidc-provider introspection", of: "me", over: "introspect-oidc", min: 1.0 },
  { id: "customers-vs-me", label: "/api/v1/customers ≥ 0.7× /api/v1/me", of: "customers", over: "me", min: 0.7 },
  { id: "table-size", label: "/api/v1/me on the big table ≥ 0.9× on the 1,000-token table", of: "me", over: "me-small", min: 0.9 },
  { id: "deep-page", label: "token list deep page ≥ 0.5× the first page's rate", of: "tokens-deep", over: "tokens-first", min: 0.5 },
];
