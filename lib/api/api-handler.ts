import "server-only";
import { apiError, apiJson, errorResponse, validationError } from "@/lib/api/api-errors";
import { operationLabel, pathParams, type Operation } from "@/lib/api/operation";
import { readOperationInput } from "@/lib/api/read-operation-input";
import { isPromise } from "@/lib/async/maybe-promise";
import { authenticateBearer, requirePermission } from "@/lib/resource/authenticate-bearer";

export interface RouteContext {
  params: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * A route handler for one commerce operation: authenticate the bearer token,
 * check (and count) the operation's permission, validate the input with the
 * operation's schema, run it, and answer JSON. Plain Request/Response only,
 * so it also runs outside Next.js.
 */
export function apiHandler(operation: Operation) {
  const label = operationLabel(operation);
  const hasPathParams = pathParams(operation).length > 0;
  return async function handle(request: Request, context?: RouteContext): Promise<Response> {
    try {
      // Each value is awaited only when it is a promise (see lib/async/maybe-promise.ts).
      const authenticating = authenticateBearer(request, "api");
      const auth = isPromise(authenticating) ? await authenticating : authenticating;
      if (!auth.ok) return auth.response;
      const refusal = requirePermission(auth.principal, operation.permission, "api", label);
      if (refusal) return refusal;

      const reading = readOperationInput(operation, request, hasPathParams ? await context?.params : undefined);
      const raw = isPromise(reading) ? await reading : reading;
      if (!raw.ok) return raw.response;
      const input = operation.input.safeParse(raw.value);
      if (!input.success) return validationError(input.error);

      return apiJson(await operation.run(input.data, auth.principal), operation.status);
    } catch (error) {
      return errorResponse(error, `api ${operation.name}`);
    }
  };
}

type RouteHandler = (request: Request, context?: RouteContext) => Promise<Response>;

/**
 * The handlers of one API path: the given operations, and a JSON 405 naming
 * the allowed methods for every other method (Next's default is an empty body).
 */
export function apiRoutes(operations: Partial<Record<"GET" | "POST" | "PATCH" | "DELETE", Operation>>) {
  const methods = Object.keys(operations);
  const allow = [...methods, ...(methods.includes("GET") ? ["HEAD"] : []), "OPTIONS"].join(", ");
  const notAllowed: RouteHandler = async (request) =>
    withAllow(apiError(405, "method_not_allowed", `${request.method} is not allowed here; use ${methods.join(" or ")}.`), allow);
  const handler = (method: keyof typeof operations): RouteHandler => {
    const operation = operations[method];
    return operation ? apiHandler(operation) : notAllowed;
  };
  return {
    GET: handler("GET"),
    POST: handler("POST"),
    PUT: notAllowed,
    PATCH: handler("PATCH"),
    DELETE: handler("DELETE"),
    OPTIONS: async () => new Response(null, { status: 204, headers: { Allow: allow } }),
  };
}

function withAllow(response: Response, allow: string): Response {
  response.headers.set("Allow", allow);
  return response;
}
