import { corsPreflight } from "@/lib/oauth/cors";
import { methodNotAllowed } from "@/lib/oauth/oauth-error";
import { handleRevocationRequest } from "@/lib/oauth/revocation-endpoint";

export async function POST(request: Request): Promise<Response> {
  return handleRevocationRequest(request);
}

export async function OPTIONS(): Promise<Response> {
  return corsPreflight();
}

/** Only POST: say so in the RFC error shape rather than a bare 405. */
export async function GET(): Promise<Response> {
  return methodNotAllowed();
}
