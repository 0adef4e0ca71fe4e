import { corsPreflight, withCors } from "@/lib/oauth/cors";
import { authorizationServerMetadata } from "@/lib/oauth/metadata";

// Read from the configuration at request time, never baked in at build time.
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  return withCors(
    Response.json(authorizationServerMetadata(), { headers: { "Cache-Control": "public, max-age=300" } }),
    "GET, OPTIONS",
  );
}

export async function OPTIONS(): Promise<Response> {
  return corsPreflight("GET, OPTIONS");
}
