import "server-only";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { buildMcpServer } from "@/lib/mcp/build-mcp-server";
import { isAllowedOrigin, mcpCorsHeaders } from "@/lib/mcp/origin";
import { readBodyText } from "@/lib/http/read-body";
import { logError } from "@/lib/log";
import { authenticateBearer } from "@/lib/resource/authenticate-bearer";

const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Sets the headers on the answer itself (the SDK's answers and ours are made
 * here, so their headers can change); a copy only for one whose headers cannot.
 */
export function withHeaders(response: Response, headers: Record<string, string>): Response {
  try {
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    return response;
  } catch {
    const merged = new Headers(response.headers);
    for (const [name, value] of Object.entries(headers)) merged.set(name, value);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers: merged });
  }
}

function jsonRpcError(status: number, code: number, message: string): Response {
  return Response.json({ jsonrpc: "2.0", error: { code, message }, id: null }, { status });
}

export function forbiddenOrigin(): Response {
  return Response.json(
    { error: { code: "forbidden_origin", message: "Requests from this web origin are not allowed." } },
    { status: 403 },
  );
}

/**
 * POST /mcp: check the Origin, authenticate the bearer token (401 with the
 * resource metadata URL, so a client discovers OAuth from the MCP URL alone),
 * then answer the JSON-RPC message with a fresh stateless server.
 */
export async function handleMcpPost(request: Request): Promise<Response> {
  const origin = request.headers.get("origin");
  if (!isAllowedOrigin(origin)) return forbiddenOrigin();
  const cors = mcpCorsHeaders(origin);

  let auth: Awaited<ReturnType<typeof authenticateBearer>>;
  try {
    auth = await authenticateBearer(request, "mcp");
  } catch (error) {
    // A database outage is a JSON-RPC error, never the framework's bare 500.
    logError("mcp authentication", error);
    return withHeaders(jsonRpcError(500, -32603, "Internal error"), cors);
  }
  if (!auth.ok) return withHeaders(auth.response, cors);

  const body = await readBodyText(request, MAX_BODY_BYTES);
  if (!body.ok) return withHeaders(jsonRpcError(413, -32000, "The request body is too large or unreadable."), cors);
  let message: unknown;
  try {
    message = JSON.parse(body.text);
  } catch {
    return withHeaders(jsonRpcError(400, -32700, "Parse error: Invalid JSON"), cors);
  }

  const server = buildMcpServer(auth.principal);
  const transport = new WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableJsonResponse: true,
  });
  try {
    await server.connect(transport);
    const response = await transport.handleRequest(request, { parsedBody: message });
    return withHeaders(response, cors);
  } catch (error) {
    logError("mcp request", error);
    return withHeaders(jsonRpcError(500, -32603, "Internal error"), cors);
  } finally {
    // JSON responses are complete once handleRequest resolves.
    await server.close().catch(() => undefined);
  }
}
