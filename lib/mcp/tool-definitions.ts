import "server-only";
import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import { operationKind, type Operation } from "@/lib/api/operation";
import { OPERATIONS } from "@/lib/api/operations";

// Every API operation as an MCP tool, exactly as tools/list shows it. Nothing
// here depends on a token or an owner, so it is built once per process:
// converting the zod input schemas to JSON Schema was most of the cost of a
// tools/list. Which of these a request may see is decided per request.

export interface ToolDefinition {
  operation: Operation;
  tool: Tool;
}

function toolFor(operation: Operation): Tool {
  const kind = operationKind(operation);
  return {
    name: operation.name,
    title: operation.title,
    description: `${operation.description} (Needs the permission ${operation.permission}.)`,
    // Draft-07 from the input side of the schema: what the SDK's McpServer
    // lists for a zod schema. An object schema always converts to `type: "object"`.
    inputSchema: z.toJSONSchema(operation.input, { target: "draft-7", io: "input" }) as Tool["inputSchema"],
    annotations: {
      title: operation.title,
      readOnlyHint: kind === "read",
      destructiveHint: kind === "destructive",
      idempotentHint: operation.idempotent,
      openWorldHint: false,
    },
    // Every tool answers in the call itself; none runs as an MCP task.
    execution: { taskSupport: "forbidden" },
  };
}

let definitions: { list: readonly ToolDefinition[]; byName: ReadonlyMap<string, ToolDefinition> } | undefined;

function built() {
  if (!definitions) {
    const list = OPERATIONS.map((operation) => ({ operation, tool: toolFor(operation) }));
    definitions = { list, byName: new Map(list.map((d) => [d.operation.name, d])) };
  }
  return definitions;
}

/** Every tool, in the order the API documents the operations. */
export function toolDefinitions(): readonly ToolDefinition[] {
  return built().list;
}

export function findToolDefinition(name: string): ToolDefinition | undefined {
  return built().byName.get(name);
}
