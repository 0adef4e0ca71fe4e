// Which paths the production server answers itself, from a build's route
// manifests: a small build directory written here, shaped like Next's.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRouteTable } from "@/server/route-table.mjs";
import { headerRules } from "@/server/security-headers.cjs";

type Table = Awaited<ReturnType<typeof loadRouteTable>>;

const ROUTES = [
  // [app path in app-paths-manifest, URL page, dynamic?]
  ["/api/health/route", "/api/health"],
  ["/(machine)/oauth/token/route", "/oauth/token"],
  ["/api/v1/customers/route", "/api/v1/customers"],
  ["/api/v1/customers/[id]/route", "/api/v1/customers/[id]"],
  ["/api/v1/customers/export/page", "/api/v1/customers/export"],
  ["/api/v1/files/[...path]/route", "/api/v1/files/[...path]"],
  ["/api/v1/static-list/route", "/api/v1/static-list"],
  ["/user/[id]/route", "/user/[id]"],
  ["/api/auth/[...nextauth]/route", "/api/auth/[...nextauth]"],
] as const;

function routeRegex(page: string, named: boolean): string {
  const body = page
    .split("/")
    .filter(Boolean)
    .map((segment) => {
      const catchAll = /^\[\.\.\.(.+)\]$/.exec(segment);
      if (catchAll) return named ? `/(?<nxtP${catchAll[1]}>.+?)` : "/(.+?)";
      const dynamic = /^\[(.+)\]$/.exec(segment);
      if (dynamic) return named ? `/(?<nxtP${dynamic[1]}>[^/]+?)` : "/([^/]+?)";
      return `/${segment.replace(/[.\-]/g, "\\$&")}`;
    })
    .join("");
  return `^${body}(?:/)?$`;
}

const NEXT_REDIRECTS: unknown[] = [{ source: "/:path+/", destination: "/:path+", internal: true, statusCode: 308 }];

function writeBuild(
  dir: string,
  {
    rules = headerRules as ReadonlyArray<{ source: string; headers: ReadonlyArray<{ key: string; value: string }> }>,
    rewrites = [] as unknown[],
    redirects = NEXT_REDIRECTS,
    i18n = undefined as unknown,
  } = {},
) {
  const server = path.join(dir, "server");
  const appPaths: Record<string, string> = {};
  for (const [appPath] of ROUTES) {
    const file = `app${appPath}.js`;
    appPaths[appPath] = file;
    if (appPath.endsWith("/page")) continue;
    fs.mkdirSync(path.dirname(path.join(server, file)), { recursive: true });
    fs.writeFileSync(
      path.join(server, file),
      `exports.routeModule = { definition: { kind: "APP_ROUTE" }, async ensureUserland() {}, userland: { GET: () => new Response(${JSON.stringify(appPath)}) } };`,
    );
  }
  const pages = ROUTES.map(([, page]) => page);
  const write = (file: string, value: unknown) => fs.writeFileSync(path.join(dir, file), JSON.stringify(value));
  write("server/app-paths-manifest.json", appPaths);
  write("routes-manifest.json", {
    basePath: "",
    redirects,
    rewrites: { beforeFiles: rewrites, afterFiles: [], fallback: [] },
    ...(i18n ? { i18n } : {}),
    headers: rules,
    onMatchHeaders: [],
    rsc: { varyHeader: "rsc, next-router-state-tree" },
    staticRoutes: pages.filter((p) => !p.includes("[")).map((page) => ({ page, namedRegex: routeRegex(page, true) })),
    // Next's own order: the more specific route first.
    dynamicRoutes: pages.filter((p) => p.includes("[")).map((page) => ({ page, namedRegex: routeRegex(page, true) })),
  });
  write("prerender-manifest.json", { routes: { "/api/v1/static-list": {} }, dynamicRoutes: {} });
  write("server/functions-config-manifest.json", {
    functions: { "/_middleware": { matchers: [{ regexp: "^/user(?:/(.*))?$" }] } },
  });
}

function tempBuild(options?: Parameters<typeof writeBuild>[1]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "latch-route-table-"));
  writeBuild(dir, options);
  return dir;
}

const MACHINE_ROUTES = ["/api/health", "/oauth/token", "/oauth/revoke", "/api/v1/**", "/user/[id]"];
const built: string[] = [];

async function table(options?: Parameters<typeof writeBuild>[1]): Promise<Table> {
  const distDir = tempBuild(options);
  built.push(distDir);
  return loadRouteTable({ distDir, machineRoutes: MACHINE_ROUTES, headerRules });
}

describe("production server route table", () => {
  let routes: Table;

  beforeAll(async () => {
    routes = await table();
  });

  afterAll(() => {
    for (const dir of built) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("takes the listed route handlers that were built, route groups left out", () => {
    expect(routes.problems).toEqual([]);
    expect(routes.served).toEqual([
      "/api/health",
      "/api/v1/customers",
      "/api/v1/customers/[id]",
      "/api/v1/files/[...path]",
      "/oauth/token",
      "/user/[id]",
    ]);
    expect(routes.skipped).toEqual(["/api/v1/static-list (prerendered by Next)"]);
    expect(routes.varyHeader).toBe("rsc, next-router-state-tree");
  });

  it("matches exact paths and dynamic segments, with their params", () => {
    expect(routes.match("/api/health")?.route.page).toBe("/api/health");
    expect(routes.match("/oauth/token")?.route.page).toBe("/oauth/token");
    const customer = routes.match("/api/v1/customers/cus_123");
    expect(customer?.route.page).toBe("/api/v1/customers/[id]");
    expect(customer?.params).toEqual({ id: "cus_123" });
    expect(routes.match("/api/v1/files/a/b/c.txt")?.params).toEqual({ path: ["a", "b", "c.txt"] });
  });

  it("leaves to Next what it does not list, pages, prerendered and unbuilt routes", () => {
    expect(routes.match("/api/auth/session")).toBeNull();
    expect(routes.match("/api/v1/customers/export")).toBeNull();
    expect(routes.match("/api/v1/static-list")).toBeNull();
    expect(routes.match("/oauth/revoke")).toBeNull();
    expect(routes.match("/login")).toBeNull();
    expect(routes.match("/")).toBeNull();
  });

  it("leaves to Next every path it would normalize or redirect", () => {
    for (const pathname of [
      "/api/health/",
      "/api//health",
      "/api/%68ealth",
      "/api/v1/customers/a%2Fb",
      "/api/v1/customers/../customers",
      "/api/v1/./customers",
      "/api\\health",
      "/API/HEALTH",
    ]) {
      expect(routes.match(pathname), pathname).toBeNull();
    }
  });

  it("never bypasses the proxy", () => {
    expect(routes.match("/user/abc")).toBeNull();
  });

  it("turns itself off when next.config.js adds what the fast path would not repeat", async () => {
    const otherHeaders = await table({ rules: [{ source: "/:path*", headers: [{ key: "X-Frame-Options", value: "SAMEORIGIN" }] }] });
    expect(otherHeaders.problems).toEqual(["next.config.js headers() differ from server/security-headers.cjs"]);
    expect(otherHeaders.match("/api/health")).toBeNull();
    const rewritten = await table({ rewrites: [{ source: "/a", destination: "/b" }] });
    expect(rewritten.problems).toEqual(["next.config.js has rewrites"]);
    expect(rewritten.match("/api/health")).toBeNull();
    // trailingSlash: true makes Next redirect "/api/health" to "/api/health/" (its own, "internal" redirect).
    const slashed = await table({
      redirects: [{ source: "/:notfile((?!\\.well-known(?:/.*)?)(?:[^/]+/)*[^/\\.]+)", destination: "/:notfile/", internal: true, statusCode: 308 }],
    });
    expect(slashed.problems).toEqual(["next.config.js sets trailingSlash"]);
    expect(slashed.match("/api/health")).toBeNull();
    const localized = await table({ i18n: { locales: ["en", "de"], defaultLocale: "en" } });
    expect(localized.problems).toEqual(["next.config.js has i18n"]);
  });

  it("turns itself off for a header rule it could not place, a pattern of paths", async () => {
    const rules = [...headerRules, { source: "/api/:path*", headers: [{ key: "Cache-Control", value: "no-store" }] }];
    const distDir = tempBuild({ rules });
    built.push(distDir);
    const patterned = await loadRouteTable({ distDir, machineRoutes: MACHINE_ROUTES, headerRules: rules });
    expect(patterned.problems).toEqual(["server/security-headers.cjs has a rule for a pattern of paths other than /:path*"]);
    expect(patterned.match("/api/health")).toBeNull();
  });

  it("leaves a route with header rules of its own to Next", async () => {
    const rules = [...headerRules, { source: "/oauth/token", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] }];
    const distDir = tempBuild({ rules });
    built.push(distDir);
    const own = await loadRouteTable({ distDir, machineRoutes: MACHINE_ROUTES, headerRules: rules });
    expect(own.problems).toEqual([]);
    expect(own.match("/oauth/token")).toBeNull();
    expect(own.match("/api/health")).not.toBeNull();
  });

  it("leaves one path of a dynamic route with a header rule of its own to Next", async () => {
    const rules = [...headerRules, { source: "/api/v1/customers/abc", headers: [{ key: "Cache-Control", value: "no-store" }] }];
    const distDir = tempBuild({ rules });
    built.push(distDir);
    const own = await loadRouteTable({ distDir, machineRoutes: MACHINE_ROUTES, headerRules: rules });
    expect(own.problems).toEqual([]);
    expect(own.match("/api/v1/customers/abc")).toBeNull();
    // Next matches a rule's path without regard to case.
    expect(own.match("/api/v1/customers/ABC")).toBeNull();
    expect(own.match("/api/v1/customers/def")?.params).toEqual({ id: "def" });
  });
});
