import "server-only";
import { z } from "zod";
import { inputLocation, operationKind, pathParams, type Operation } from "@/lib/api/operation";
import { OPERATIONS } from "@/lib/api/operations";
import { errorSchema } from "@/lib/commerce/schemas";
import { config } from "@/lib/config/env";
import { getGroup, getPermission } from "@/lib/permissions/catalogue";
import { SCOPES_SUPPORTED } from "@/lib/permissions/scopes";

// The OpenAPI 3.1 document, generated from the same zod schemas and operation
// list the handlers use, so the documentation cannot drift from the code.

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const generated = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  // The document declares the dialect once (jsonSchemaDialect).
  delete generated.$schema;
  return generated;
}

const json = (schema: JsonSchema) => ({ "application/json": { schema } });

const ERROR = { $ref: "#/components/schemas/Error" };

function errorResponses(operation: Operation) {
  const responses: Record<string, unknown> = {
    "400": { description: "Invalid input", content: json(ERROR) },
    "401": { description: "Missing, invalid, expired or revoked token (see WWW-Authenticate)", content: json(ERROR) },
    "403": { description: `The token lacks the permission ${operation.permission} (insufficient_scope)`, content: json(ERROR) },
  };
  if (pathParams(operation).length > 0) responses["404"] = { description: "Not found (or another account's)", content: json(ERROR) };
  else if (operation.notFound) responses["404"] = { description: operation.notFound, content: json(ERROR) };
  if (operation.method !== "GET") responses["409"] = { description: "Conflicts with the object's state", content: json(ERROR) };
  return responses;
}

function describeOperation(operation: Operation) {
  const shape = operation.input.shape as Record<string, z.ZodType>;
  const inPath = new Set(pathParams(operation));
  const parameters: unknown[] = [...inPath].map((name) => ({
    name,
    in: "path",
    required: true,
    schema: shape[name] ? jsonSchema(shape[name], "input") : { type: "string" },
  }));
  const rest = Object.entries(shape).filter(([name]) => !inPath.has(name));
  let requestBody: unknown;
  if (inputLocation(operation) === "query") {
    for (const [name, schema] of rest) {
      const { description, ...fieldSchema } = jsonSchema(schema, "input");
      parameters.push({ name, in: "query", required: !schema.safeParse(undefined).success, description, schema: fieldSchema });
    }
  } else if (rest.length > 0) {
    requestBody = { required: true, content: json(jsonSchema(z.strictObject(Object.fromEntries(rest)), "input")) };
  }
  const permission = getPermission(operation.permission);
  return {
    operationId: operation.name,
    summary: operation.title,
    description: `${operation.description}\n\nRequires the permission \`${operation.permission}\`${permission ? ` (${permission.label})` : ""}.`,
    tags: [getGroup(permission?.group ?? "")?.label ?? "Other"],
    "x-latch-permission": operation.permission,
    "x-latch-kind": operationKind(operation),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses: {
      [String(operation.status)]: { description: "Success", content: json(jsonSchema(operation.output, "output")) },
      ...errorResponses(operation),
    },
  };
}

function scopeDescriptions(): Record<string, string> {
  return Object.fromEntries(
    SCOPES_SUPPORTED.map((scope) => {
      const [family, access] = scope.split(":");
      return [scope, `${access === "read" ? "Read" : "Change"} ${family} data, within the permissions the client allows`];
    }),
  );
}

let cached: unknown;

export function openApiDocument(): unknown {
  if (cached) return cached;
  const { publicUrl } = config();
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of OPERATIONS) {
    (paths[operation.path] ??= {})[operation.method.toLowerCase()] = describeOperation(operation);
  }
  cached = {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "Latch commerce API",
      version: "1",
      description:
        "Every call needs `Authorization: Bearer <token>`. Each operation needs one permission; the token's client must have it enabled at the time of the call (and the token's scope, if any, must cover it). Errors have one shape: {\"error\": {\"code\", \"message\"}}.",
    },
    servers: [{ url: `${publicUrl}/api/v1` }],
    security: [{ bearer: [] }, { oauth2: [] }],
    paths,
    components: {
      schemas: { Error: jsonSchema(errorSchema, "output") },
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "A Latch access token (latch_at_...)." },
        oauth2: {
          type: "oauth2",
          flows: {
            authorizationCode: {
              authorizationUrl: `${publicUrl}/oauth/authorize`,
              tokenUrl: `${publicUrl}/oauth/token`,
              refreshUrl: `${publicUrl}/oauth/token`,
              scopes: scopeDescriptions(),
            },
            clientCredentials: { tokenUrl: `${publicUrl}/oauth/token`, scopes: scopeDescriptions() },
          },
        },
      },
    },
  };
  return cached;
}
