import "server-only";
import { config } from "@/lib/config/env";

// DNS-rebinding protection for /mcp (MCP transport spec: servers MUST
// validate Origin). Requests without an Origin (agents, CLIs, server-side
// connectors) pass; a browser page may call only from Latch's own origin or
// from a loopback origin (local tools such as the MCP Inspector).

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

export function isAllowedOrigin(origin: string | null): boolean {
  if (origin === null) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.origin !== origin) return false;
  if (origin === new URL(config().publicUrl).origin) return true;
  return (url.protocol === "http:" || url.protocol === "https:") && LOOPBACK_HOSTS.has(url.hostname);
}

/** CORS headers for an allowed browser origin (none when there is no Origin). */
export function mcpCorsHeaders(origin: string | null): Record<string, string> {
  if (origin === null) return {};
  return {
    "Access-Control-Allow-Origin": origin,
    "Access-Control-Expose-Headers": "WWW-Authenticate, Mcp-Session-Id, Mcp-Protocol-Version",
    Vary: "Origin",
  };
}

export function mcpPreflightHeaders(origin: string): Record<string, string> {
  return {
    ...mcpCorsHeaders(origin),
    "Access-Control-Allow-Methods": "POST, GET, DELETE, OPTIONS",
    "Access-Control-Allow-Headers": "Authorization, Content-Type, Accept, Mcp-Protocol-Version, Mcp-Session-Id, Last-Event-ID",
    "Access-Control-Max-Age": "86400",
  };
}
