import "server-only";
import type { MaybePromise } from "@/lib/async/maybe-promise";
import { apiError } from "@/lib/api/api-errors";
import { inputLocation, pathParams, type Operation } from "@/lib/api/operation";
import { queryParams } from "@/lib/http/query-params";
import { readBodyText } from "@/lib/http/read-body";

const MAX_BODY_BYTES = 64 * 1024;

export type RawInput = { ok: true; value: Record<string, unknown> } | { ok: false; response: Response };

type Params = Record<string, string | string[] | undefined> | undefined;

function fromQuery(url: string): RawInput {
  const value: Record<string, unknown> = {};
  for (const [key, item] of queryParams(url) ?? []) {
    if (key in value) return { ok: false, response: apiError(400, "invalid_request", `Give ${key} only once.`) };
    value[key] = item;
  }
  return { ok: true, value };
}

async function fromBody(request: Request): Promise<RawInput> {
  const body = await readBodyText(request, MAX_BODY_BYTES);
  if (!body.ok) {
    return body.reason === "too_large"
      ? { ok: false, response: apiError(413, "invalid_request", `The body is larger than ${MAX_BODY_BYTES / 1024} KiB.`) }
      : { ok: false, response: apiError(400, "invalid_request", "The request body could not be read.") };
  }
  if (body.text.trim() === "") return { ok: true, value: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.text);
  } catch {
    return { ok: false, response: apiError(400, "invalid_request", "The body is not valid JSON.") };
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    return { ok: false, response: apiError(400, "invalid_request", "The body must be a JSON object.") };
  }
  return { ok: true, value: parsed as Record<string, unknown> };
}

/**
 * Gathers an operation's raw input: the query string (GET, DELETE) or the
 * JSON body (POST, PATCH), then the path parameters on top, so a body cannot
 * redirect an operation to another object.
 */
export function readOperationInput(operation: Operation, request: Request, params: Params): MaybePromise<RawInput> {
  // A query string is read at once: no promise (see lib/async/maybe-promise.ts).
  if (inputLocation(operation) === "query") return withPathParams(operation, fromQuery(request.url), params);
  return fromBody(request).then((raw) => withPathParams(operation, raw, params));
}

function withPathParams(operation: Operation, raw: RawInput, params: Params): RawInput {
  if (!raw.ok) return raw;
  for (const name of pathParams(operation)) {
    const value = params?.[name];
    if (typeof value === "string") raw.value[name] = value;
  }
  return raw;
}
