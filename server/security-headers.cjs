// Response headers for every path: next.config.js hands them to Next, and the
// production server adds the same list on its fast path. One definition.
// CommonJS so next.config.js can require it.

/** @type {ReadonlyArray<{ key: string; value: string }>} */
const securityHeaders = Object.freeze([
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
]);

module.exports = { securityHeaders };
