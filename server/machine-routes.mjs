// The machine-to-machine endpoints: called by programs on every request, so
// the production server sends them straight to the handlers their app/ route
// files export, past Next's router (see production-server.mjs). Pages never go
// here, and nor does anything that needs a session, cookies() / headers() from
// next/headers, after(), redirect() into a page, or the proxy.
//
// Each entry is an app route path as it appears in the URL, route groups left
// out: "/oauth/token", "/api/v1/customers/[id]". A trailing "/**" takes every
// route handler below that path ("/api/v1/**"). A route that was not built
// (not there yet, or an edge route) or that Next prerendered stays with Next.
export const MACHINE_ROUTES = Object.freeze([
  "/api/health",
  "/oauth/token",
  "/oauth/introspect",
  "/oauth/revoke",
  "/oauth/register",
  "/.well-known/oauth-authorization-server",
  "/.well-known/oauth-protected-resource",
  "/.well-known/oauth-protected-resource/**",
  "/api/v1/**",
  "/mcp",
]);
