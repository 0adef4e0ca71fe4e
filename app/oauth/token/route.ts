import { corsPreflight } from "@/lib/oauth/cors";
import { handleTokenRequest } from "@/lib/oauth/token-endpoint";

export async function POST(request: Request): Promise<Response> {
  return handleTokenRequest(request);
}

export async function OPTIONS(): Promise<Response> {
  return corsPreflight();
}
