import "server-only";
import type { z } from "zod";
import { getPermission } from "@/lib/permissions/catalogue";
import type { Principal } from "@/lib/resource/authenticate-bearer";

export type HttpMethod = "GET" | "POST" | "PATCH" | "DELETE";

/**
 * One commerce operation, described once: the API route, the OpenAPI entry
 * and the MCP tool are all generated from it.
 */
export interface Operation<S extends z.ZodObject = z.ZodObject> {
  /** MCP tool name and OpenAPI operationId, e.g. `void_sale`. */
  name: string;
  title: string;
  method: HttpMethod;
  /** Path under /api/v1 with `{param}` placeholders, e.g. `/sales/{id}/void`. */
  path: string;
  /** The catalogue permission the operation needs. */
  permission: string;
  /** For people and models: what it does, and when not to use it. */
  description: string;
  /**
   * All inputs in one object. Keys named in the path come from the path; the
   * rest from the query string (GET, DELETE) or the JSON body (POST, PATCH).
   */
  input: S;
  /** The success body, for the OpenAPI document. */
  output: z.ZodType;
  status: 200 | 201;
  /** Repeating the call with the same input changes nothing more. */
  idempotent: boolean;
  /**
   * When it answers 404 though its path names no object: the objects its input
   * refers to by id (an operation with a path parameter always may).
   */
  notFound?: string;
  // Method syntax on purpose: a specific operation must be storable in a list
  // of operations with wider input types.
  run(input: z.output<S>, principal: Principal): Promise<unknown>;
}

export function defineOperation<S extends z.ZodObject>(
  operation: Omit<Operation<S>, "status" | "idempotent"> & Partial<Pick<Operation<S>, "status" | "idempotent">>,
): Operation<S> {
  return {
    status: operation.method === "POST" ? 201 : 200,
    idempotent: operation.method !== "POST",
    ...operation,
  };
}

/** Names of the path parameters, in order. */
export function pathParams(operation: Operation): string[] {
  return [...operation.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
}

/** Where non-path inputs come from. */
export function inputLocation(operation: Operation): "query" | "body" {
  return operation.method === "GET" || operation.method === "DELETE" ? "query" : "body";
}

export function operationKind(operation: Operation): "read" | "write" | "destructive" {
  return getPermission(operation.permission)?.kind ?? "destructive";
}

/** How a use is named in usage records: `POST /api/v1/sales/{id}/void`. */
export function operationLabel(operation: Operation): string {
  return `${operation.method} /api/v1${operation.path}`;
}
