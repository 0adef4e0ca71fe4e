import { handleAuthorizeDecision, handleAuthorizeGet } from "@/lib/oauth/authorization-endpoint";

// GET checks the request and leads to the consent page; POST records the
// owner's decision from it. No CORS here: this endpoint is for browsers.
export async function GET(request: Request): Promise<Response> {
  return handleAuthorizeGet(request);
}

export async function POST(request: Request): Promise<Response> {
  return handleAuthorizeDecision(request);
}
