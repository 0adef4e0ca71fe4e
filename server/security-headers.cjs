// Response headers: next.config.js hands these rules to Next, and the
// production server adds the "/:path*" list on its fast path. One definition.
// CommonJS so next.config.js can require it.

/** @type {ReadonlyArray<{ key: string; value: string }>} */
const securityHeaders = Object.freeze([
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
]);

// The consent flow sends no Referer: its URLs carry the authorization request,
// and the redirect back carries the code. Later rules win. These paths are
// never on the fast path (the route table keeps them with Next).
const noReferrer = Object.freeze([{ key: "Referrer-Policy", value: "no-referrer" }]);

/** @type {ReadonlyArray<{ source: string; headers: ReadonlyArray<{ key: string; value: string }> }>} */
const headerRules = Object.freeze([
  { source: "/:path*", headers: securityHeaders },
  { source: "/oauth/authorize", headers: noReferrer },
  { source: "/oauth/consent", headers: noReferrer },
]);

module.exports = { securityHeaders, headerRules };
