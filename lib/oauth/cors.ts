// CORS for the endpoints browser-based clients call directly (metadata, token,
// revoke, introspect, register). Never for /oauth/authorize: that is a page a
// person looks at, not an API. Credentials (cookies) are never involved, so
// any origin may call; the client authenticates itself in the request.

const ALLOWED_HEADERS = "Authorization, Content-Type, MCP-Protocol-Version";

export function corsHeaders(methods: string): Record<string, string> {
  return {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": methods,
    "Access-Control-Allow-Headers": ALLOWED_HEADERS,
    "Access-Control-Expose-Headers": "WWW-Authenticate",
  };
}

/** Adds the CORS headers to an answer. */
export function withCors(response: Response, methods = "POST, OPTIONS"): Response {
  for (const [key, value] of Object.entries(corsHeaders(methods))) response.headers.set(key, value);
  return response;
}

/** Answers a preflight without looking at who asks. */
export function corsPreflight(methods = "POST, OPTIONS"): Response {
  return new Response(null, {
    status: 204,
    headers: { ...corsHeaders(methods), "Access-Control-Max-Age": "86400" },
  });
}
