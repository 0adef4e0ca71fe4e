/** @type {import('next').NextConfig} */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
];

module.exports = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "pg"],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // The consent flow sends no Referer: its URLs carry the authorization
      // request, and the redirect back carries the code. Later entries win.
      { source: "/oauth/authorize", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
      { source: "/oauth/consent", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
    ];
  },
};
