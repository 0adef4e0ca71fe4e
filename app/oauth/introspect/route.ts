import { corsPreflight } from "@/lib/oauth/cors";
import { handleIntrospectionRequest } from "@/lib/oauth/introspection-endpoint";

export async function POST(request: Request): Promise<Response> {
  return handleIntrospectionRequest(request);
}

export async function OPTIONS(): Promise<Response> {
  return corsPreflight();
}
