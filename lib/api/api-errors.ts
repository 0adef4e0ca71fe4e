import "server-only";
import type { z } from "zod";
import { AppError, type ErrorCode } from "@/lib/errors";
import { jsonText } from "@/lib/http/json-text";
import { TextResponse } from "@/lib/http/text-response";
import { logError } from "@/lib/log";

// The API's one error shape: {"error": {"code", "message", "fields"?}}.
// Internal error messages never reach a response.

const API_CODES: Record<ErrorCode, string> = {
  bad_request: "invalid_request",
  unauthenticated: "invalid_token",
  forbidden: "forbidden",
  not_found: "not_found",
  conflict: "conflict",
  too_many_requests: "rate_limited",
};

export const NO_STORE = { "Cache-Control": "no-store" } as const;

export function apiJson(body: unknown, status = 200): Response {
  // As Response.json() would answer, with a faster serialization
  // (lib/http/json-text.ts) and no stream until one is asked for (lib/http/text-response.ts).
  return new TextResponse(jsonText(body), { status, headers: { "Content-Type": "application/json", ...NO_STORE } });
}

export function apiError(status: number, code: string, message: string, fields?: Record<string, string[]>): Response {
  return apiJson({ error: { code, message, ...(fields ? { fields } : {}) } }, status);
}

/** 400 for input that failed its schema, with a message per field. */
export function validationError(error: z.ZodError): Response {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join(".") : "_";
    (fields[key] ??= []).push(issue.message);
  }
  const first = error.issues[0];
  const where = first && first.path.length > 0 ? `${first.path.map(String).join(".")}: ` : "";
  return apiError(400, "invalid_request", `Invalid input. ${where}${first?.message ?? "Check the request"}`, fields);
}

/** Maps a thrown error to a response; anything unexpected is logged and answered without detail. */
export function errorResponse(error: unknown, where: string): Response {
  if (error instanceof AppError) {
    return apiError(error.status, API_CODES[error.code], error.message, error.fieldErrors);
  }
  logError(where, error);
  return apiError(500, "server_error", "Something went wrong on our side. Try again later.");
}
