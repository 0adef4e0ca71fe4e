import { apiError } from "@/lib/api/api-errors";

// Unknown API paths answer in the API's error shape rather than an HTML page.
function notFound(): Response {
  return apiError(404, "not_found", "No such API endpoint. The endpoints are listed in /api/v1/openapi.json.");
}

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
