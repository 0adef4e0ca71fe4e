import { corsPreflight } from "@/lib/oauth/cors";
import { handleRegistrationRequest } from "@/lib/oauth/registration-endpoint";

export async function POST(request: Request): Promise<Response> {
  return handleRegistrationRequest(request);
}

export async function OPTIONS(): Promise<Response> {
  return corsPreflight();
}
