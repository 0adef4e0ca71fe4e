import "server-only";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { getParseErrorMessage } from "@modelcontextprotocol/sdk/server/zod-compat.js";
import {
  CallToolRequestSchema,
  ErrorCode,
  ListToolsRequestSchema,
  McpError,
  type CallToolResult,
  type ListToolsResult,
} from "@modelcontextprotocol/sdk/types.js";
import { AjvJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/ajv";
import type { z } from "zod";
import type { Operation } from "@/lib/api/operation";
import { AppError } from "@/lib/errors";
import { jsonText } from "@/lib/http/json-text";
import { logError } from "@/lib/log";
import { findToolDefinition, toolDefinitions } from "@/lib/mcp/tool-definitions";
import { getPermission } from "@/lib/permissions/catalogue";
import { checkPermission, reloadPrincipal, type Principal } from "@/lib/resource/authenticate-bearer";

// The MCP server for one request (stateless: a new server per HTTP request,
// so any app instance can answer). Tools mirror the API operations; their
// definitions are built once per process, while what this token may see and
// do is decided from its permissions as read for this request.
//
// The SDK's low-level Server rather than McpServer: McpServer wants every tool
// registered on every request and converts each input schema to JSON Schema
// on every tools/list, which cost far more than the rest of the request.

const SERVER_INFO = { name: "latch", title: "Latch", version: "1.0.0" };

const INSTRUCTIONS =
  "Tools act on the account owner's real commerce data (customers, products, sales). " +
  "Only change data when the user asked you to. Deleting and voiding are permanent: " +
  "show the user what will be affected and ask them to confirm first. " +
  "If a tool says a permission is missing, tell the user which one; do not look for another way around it.";

// The Server would build an Ajv instance (with all its meta-schemas) per
// request. It only validates answers to elicitation requests, which Latch
// never sends; one instance serves every request.
let jsonSchemaValidator: AjvJsonSchemaValidator | undefined;

function toolError(text: string): CallToolResult {
  return { isError: true, content: [{ type: "text", text }] };
}

function refusal(operation: Operation, principal: Principal): CallToolResult {
  const label = getPermission(operation.permission)?.label;
  return toolError(
    `Refused: this connection lacks the permission ${operation.permission}${label ? ` (${label})` : ""}. ` +
      `The account owner can turn it on for the client "${principal.clientName}" in Latch. Nothing was changed.`,
  );
}

function listTools(principal: Principal): ListToolsResult {
  return {
    tools: toolDefinitions()
      .filter(({ operation }) => principal.permissions.has(operation.permission))
      .map(({ tool }) => tool),
  };
}

async function runTool(operation: Operation, principal: Principal, input: z.output<Operation["input"]>): Promise<CallToolResult> {
  try {
    // Read the permissions again right before acting: the owner may have turned
    // this one off since the tool list was fetched.
    const live = await reloadPrincipal(principal);
    if (!live) return toolError("This access token is no longer valid (expired, revoked or its client disabled).");
    if (!checkPermission(live, operation.permission, `tool ${operation.name}`)) return refusal(operation, live);
    const result = await operation.run(input, live);
    return { content: [{ type: "text", text: jsonText(result, 2) }] };
  } catch (error) {
    if (error instanceof AppError) return toolError(error.message);
    logError(`mcp ${operation.name}`, error);
    return toolError("Something went wrong on Latch's side. Try again later.");
  }
}

/**
 * A tool the token lacks is refused whatever the arguments, naming the
 * permission. Otherwise the arguments are checked against the tool's input
 * schema (the texts are the SDK's McpServer's), then the permission again.
 */
async function callTool(principal: Principal, name: string, args: Record<string, unknown> | undefined): Promise<CallToolResult> {
  const operation = findToolDefinition(name)?.operation;
  if (!operation) return toolError(new McpError(ErrorCode.InvalidParams, `Tool ${name} not found`).message);
  if (!principal.permissions.has(operation.permission)) {
    checkPermission(principal, operation.permission, `tool ${operation.name}`); // counts the refusal
    return refusal(operation, principal);
  }
  const input = await operation.input.safeParseAsync(args ?? {});
  if (!input.success) {
    const detail = getParseErrorMessage(input.error);
    return toolError(new McpError(ErrorCode.InvalidParams, `Input validation error: Invalid arguments for tool ${name}: ${detail}`).message);
  }
  return runTool(operation, principal, input.data);
}

export function buildMcpServer(principal: Principal): Server {
  jsonSchemaValidator ??= new AjvJsonSchemaValidator();
  const server = new Server(SERVER_INFO, {
    // No listChanged: the endpoint is stateless (no GET stream), so it can never
    // send notifications/tools/list_changed. A tool whose permission was turned
    // off since a client listed it is refused when called.
    capabilities: { tools: {} },
    instructions: INSTRUCTIONS,
    jsonSchemaValidator,
  });
  server.setRequestHandler(ListToolsRequestSchema, () => listTools(principal));
  server.setRequestHandler(CallToolRequestSchema, (request) =>
    callTool(principal, request.params.name, request.params.arguments),
  );
  return server;
}
