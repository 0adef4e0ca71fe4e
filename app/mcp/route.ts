import { handleMcpPost, withHeaders, forbiddenOrigin } from "@/lib/mcp/handle-mcp-post";
import { isAllowedOrigin, mcpCorsHeaders, mcpPreflightHeaders } from "@/lib/mcp/origin";

// The MCP endpoint (Streamable HTTP, stateless). Everything happens on POST;
// there are no sessions, so no server-initiated stream (GET) and nothing to
// end (DELETE).

export const POST = handleMcpPost;

function methodNotAllowed(request: Request): Response {
  const origin = request.headers.get("origin");
  if (!isAllowedOrigin(origin)) return forbiddenOrigin();
  const response = Response.json(
    { jsonrpc: "2.0", error: { code: -32000, message: "Method not allowed: this MCP server is stateless; use POST." }, id: null },
    { status: 405, headers: { Allow: "POST, OPTIONS" } },
  );
  return withHeaders(response, mcpCorsHeaders(origin));
}

export const GET = methodNotAllowed;
export const DELETE = methodNotAllowed;

export function OPTIONS(request: Request): Response {
  const origin = request.headers.get("origin");
  if (origin === null) return new Response(null, { status: 204, headers: { Allow: "POST, OPTIONS" } });
  if (!isAllowedOrigin(origin)) return forbiddenOrigin();
  return new Response(null, { status: 204, headers: mcpPreflightHeaders(origin) });
}
