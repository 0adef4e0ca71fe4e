import "server-only";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import { operationKind, type Operation } from "@/lib/api/operation";
import { OPERATIONS } from "@/lib/api/operations";
import { AppError } from "@/lib/errors";
import { logError } from "@/lib/log";
import { getPermission } from "@/lib/permissions/catalogue";
import { checkPermission, reloadPrincipal, type Principal } from "@/lib/resource/authenticate-bearer";

// The MCP server for one request (stateless: a new server per HTTP request,
// so any app instance can answer). Tools mirror the API operations.

const INSTRUCTIONS =
  "Tools act on the account owner's real commerce data (customers, products, sales). " +
  "Only change data when the user asked you to. Deleting and voiding are permanent: " +
  "show the user what will be affected and ask them to confirm first. " +
  "If a tool says a permission is missing, tell the user which one; do not look for another way around it.";

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

async function runTool(operation: Operation, principal: Principal, args: unknown): Promise<CallToolResult> {
  // Read the permissions again right before acting: the owner may have turned
  // this one off since the tool list was fetched.
  const live = await reloadPrincipal(principal);
  if (!live) return toolError("This access token is no longer valid (expired, revoked or its client disabled).");
  if (!checkPermission(live, operation.permission, `tool ${operation.name}`)) return refusal(operation, live);
  try {
    const input = operation.input.parse(args);
    const result = await operation.run(input, live);
    return { content: [{ type: "text", text: JSON.stringify(result, null, 2) }] };
  } catch (error) {
    if (error instanceof AppError) return toolError(error.message);
    if (error instanceof z.ZodError) return toolError(`Invalid arguments: ${error.issues[0]?.message ?? "check the input"}`);
    logError(`mcp ${operation.name}`, error);
    return toolError("Something went wrong on Latch's side. Try again later.");
  }
}

/**
 * `forCall`: the request calls a tool, so every tool is registered and one the
 * token lacks answers with a tool error naming the permission. Otherwise only
 * the tools the token may use right now are listed.
 */
export function buildMcpServer(principal: Principal, { forCall }: { forCall: boolean }): McpServer {
  const server = new McpServer({ name: "latch", title: "Latch", version: "1.0.0" }, { instructions: INSTRUCTIONS });
  for (const operation of OPERATIONS) {
    const kind = operationKind(operation);
    const permitted = principal.permissions.has(operation.permission);
    const annotations = {
      title: operation.title,
      readOnlyHint: kind === "read",
      destructiveHint: kind === "destructive",
      idempotentHint: operation.idempotent,
      openWorldHint: false,
    };
    const description = `${operation.description} (Needs the permission ${operation.permission}.)`;
    if (permitted) {
      server.registerTool(
        operation.name,
        { title: operation.title, description, inputSchema: operation.input, annotations },
        (args) => runTool(operation, principal, args),
      );
    } else {
      // Any arguments: the refusal names the permission whatever was sent.
      const tool = server.registerTool(
        operation.name,
        { title: operation.title, description, inputSchema: z.looseObject({}), annotations },
        () => {
          checkPermission(principal, operation.permission, `tool ${operation.name}`);
          return refusal(operation, principal);
        },
      );
      if (!forCall) tool.disable();
    }
  }
  return server;
}
