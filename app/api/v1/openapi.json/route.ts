import { openApiDocument } from "@/lib/api/openapi";

// Built from the runtime configuration (the public URL), never at build time.
export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json(openApiDocument(), {
    headers: { "Access-Control-Allow-Origin": "*", "Cache-Control": "public, max-age=300" },
  });
}
