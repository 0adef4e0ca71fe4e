import { corsPreflight } from "@/lib/oauth/cors";
import { handleRevocationRequest } from "@/lib/oauth/revocation-endpoint";

export async function POST(request: Request): Promise<Response> {
  return handleRevocationRequest(request);
}

export async function OPTIONS(): Promise<Response> {
  return corsPreflight();
}
