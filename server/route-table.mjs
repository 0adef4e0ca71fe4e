// Which requests the production server answers itself: built from the route
// table Next wrote at build time (.next/routes-manifest.json and
// app-paths-manifest.json), so a path resolves to the same route Next would
// pick, and from MACHINE_ROUTES. Anything not certain to be a machine route
// handler goes to Next.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

/** The params of every route without dynamic segments: one frozen object. */
export const NO_PARAMS = Object.freeze({});

/** Next's own prefix for route params in the manifest's named groups. */
const PARAM_PREFIX = "nxtP";
const DOT_SEGMENT = /\/\.\.?(\/|$)/;

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

/** "/(public)/oauth/@modal/token/route" -> "/oauth/token" (the URL path Next serves). */
function pageOf(appPath) {
  const segments = appPath
    .replace(/\/route$/, "")
    .split("/")
    .filter((s) => s && !(s.startsWith("(") && s.endsWith(")")) && !s.startsWith("@"));
  return `/${segments.join("/")}`;
}

function listed(page, machineRoutes) {
  return machineRoutes.some((entry) =>
    entry.endsWith("/**") ? page.startsWith(entry.slice(0, -2)) : page === entry,
  );
}

/**
 * Reasons the fast path must stay off altogether, because Next would do
 * something on every path that the fast path does not repeat.
 */
function configProblems(routesManifest, headerRules) {
  const problems = [];
  const { rewrites, redirects, headers, basePath, onMatchHeaders } = routesManifest;
  const rewriteCount = Array.isArray(rewrites)
    ? rewrites.length
    : (rewrites?.beforeFiles?.length ?? 0) + (rewrites?.afterFiles?.length ?? 0) + (rewrites?.fallback?.length ?? 0);
  if (rewriteCount) problems.push("next.config.js has rewrites");
  if (redirects.some((r) => !r.internal)) problems.push("next.config.js has redirects");
  // Next's own redirect that adds a trailing slash to every path.
  if (redirects.some((r) => r.internal && String(r.destination).endsWith("/"))) problems.push("next.config.js sets trailingSlash");
  if (routesManifest.i18n) problems.push("next.config.js has i18n");
  if (basePath) problems.push("next.config.js has a basePath");
  if (onMatchHeaders?.length) problems.push("next.config.js has onMatch headers");
  const shape = (rules) => JSON.stringify(rules.map((r) => ({ source: r.source, headers: r.headers.map(({ key, value }) => ({ key, value })) })));
  if (headers.some((h) => h.has || h.missing) || shape(headers) !== shape(headerRules)) {
    problems.push("next.config.js headers() differ from server/security-headers.cjs");
  }
  // The fast path repeats "/:path*" and leaves a route with a rule of its own
  // exact path to Next; a rule for a pattern of paths it could not place.
  if (headerRules.some((r) => r.source !== "/:path*" && /[:(*?{]/.test(r.source))) {
    problems.push("server/security-headers.cjs has a rule for a pattern of paths other than /:path*");
  }
  return problems;
}

/** Regexps of the proxy (middleware) matchers; a request they match goes to Next. */
function proxyMatchers(serverDir) {
  const matchers = [];
  const functions = fs.existsSync(path.join(serverDir, "functions-config-manifest.json"))
    ? readJson(path.join(serverDir, "functions-config-manifest.json")).functions ?? {}
    : {};
  const middleware = fs.existsSync(path.join(serverDir, "middleware-manifest.json"))
    ? readJson(path.join(serverDir, "middleware-manifest.json")).middleware ?? {}
    : {};
  for (const entry of [...Object.values(functions), ...Object.values(middleware)]) {
    for (const matcher of entry.matchers ?? []) {
      // A conditional matcher (has / missing) is treated as matching its whole path range.
      matchers.push(new RegExp(matcher.regexp));
    }
  }
  return matchers;
}

/**
 * @typedef {{ page: string; module: { userland: Record<string, unknown> } }} FastRoute
 * @typedef {{ route: FastRoute; params: Record<string, string | string[]> }} FastMatch
 */

/**
 * Loads the compiled route modules of the machine routes that exist in this
 * build. Returns `match(pathname)`, a list of what is served how, and the
 * reasons the fast path is off (then `match` always answers null).
 */
export async function loadRouteTable({ distDir, machineRoutes, headerRules }) {
  const serverDir = path.join(distDir, "server");
  const routesManifest = readJson(path.join(distDir, "routes-manifest.json"));
  const appPaths = readJson(path.join(serverDir, "app-paths-manifest.json"));
  const prerender = readJson(path.join(distDir, "prerender-manifest.json"));
  const problems = configProblems(routesManifest, headerRules);
  // Only the "/:path*" rule is repeated on the fast path; a route with a rule
  // of its own stays with Next.
  // Next matches a rule's path without regard to case.
  const ownRules = new Set(headerRules.filter((r) => r.source !== "/:path*").map((r) => r.source.toLowerCase()));

  /** @type {Map<string, FastRoute>} */
  const fast = new Map();
  const skipped = [];
  for (const [appPath, file] of Object.entries(appPaths)) {
    if (!appPath.endsWith("/route")) continue;
    const page = pageOf(appPath);
    if (!listed(page, machineRoutes)) continue;
    if (ownRules.has(page.toLowerCase())) {
      skipped.push(`${page} (has headers of its own in next.config.js)`);
      continue;
    }
    if (prerender.routes?.[page] || prerender.dynamicRoutes?.[page]) {
      skipped.push(`${page} (prerendered by Next)`);
      continue;
    }
    const compiled = path.join(serverDir, file);
    if (!fs.existsSync(compiled)) {
      skipped.push(`${page} (no compiled module)`);
      continue;
    }
    const { routeModule } = require(compiled);
    if (!routeModule || routeModule.definition?.kind !== "APP_ROUTE") {
      skipped.push(`${page} (not a Node.js route handler)`);
      continue;
    }
    await routeModule.ensureUserland?.();
    fast.set(page, { page, module: routeModule });
  }

  const staticPages = new Set(routesManifest.staticRoutes.map((r) => r.page));
  const dynamicRoutes = routesManifest.dynamicRoutes.map((r) => ({
    page: r.page,
    regex: new RegExp(r.namedRegex),
    catchAll: new Set(
      [...r.page.matchAll(/\[\[?\.\.\.([^\]]+)\]\]?/g)].map((m) => m[1]),
    ),
  }));
  const matchers = proxyMatchers(serverDir);
  const enabled = problems.length === 0 && fast.size > 0;

  /** @returns {FastMatch | null} */
  function match(pathname) {
    if (!enabled) return null;
    // Let Next normalize anything unusual: encoded or repeated characters,
    // trailing slashes (it redirects those), dot segments.
    if (pathname.length > 1 && pathname.endsWith("/")) return null;
    if (pathname.includes("%") || pathname.includes("//") || pathname.includes("\\") || DOT_SEGMENT.test(pathname)) return null;
    for (const matcher of matchers) if (matcher.test(pathname)) return null;
    // A path with a header rule of its own (also one path of a dynamic route).
    if (ownRules.size > 0 && ownRules.has(pathname.toLowerCase())) return null;
    const exact = fast.get(pathname);
    if (exact) return { route: exact, params: NO_PARAMS };
    if (staticPages.has(pathname)) return null;
    for (const dynamic of dynamicRoutes) {
      const found = dynamic.regex.exec(pathname);
      if (!found) continue;
      const route = fast.get(dynamic.page);
      if (!route) return null;
      const params = {};
      for (const [key, value] of Object.entries(found.groups ?? {})) {
        if (value === undefined) continue;
        const name = key.startsWith(PARAM_PREFIX) ? key.slice(PARAM_PREFIX.length) : key;
        params[name] = dynamic.catchAll.has(name) ? value.split("/") : value;
      }
      return { route, params };
    }
    return null;
  }

  return {
    match,
    problems,
    served: [...fast.keys()].sort(),
    /** The Vary header Next adds to every app route response. */
    varyHeader: routesManifest.rsc?.varyHeader ?? "",
    skipped,
  };
}
