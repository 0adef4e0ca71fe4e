import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  // CommonJS on purpose: next.config.js loads the shared header list with require().
  { files: ["next.config.js", "**/*.cjs"], rules: { "@typescript-eslint/no-require-imports": "off" } },
  globalIgnores([".next/**", "node_modules/**", "data/**", "test-results/**", "next-env.d.ts", "bench/results.json"]),
]);
