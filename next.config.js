const { headerRules } = require("./server/security-headers.cjs");

/** @type {import('next').NextConfig} */
module.exports = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "pg"],
  async headers() {
    return headerRules.map(({ source, headers }) => ({ source, headers: [...headers] }));
  },
};
