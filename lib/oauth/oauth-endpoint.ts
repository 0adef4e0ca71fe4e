import { logError } from "@/lib/log";
import { OAuthError, oauthErrorResponse } from "@/lib/oauth/oauth-error";

/**
 * Runs an endpoint body: OAuth errors become their RFC answers; anything
 * unexpected is logged by name only and answered with server_error, never a
 * stack trace or an internal message.
 */
export async function oauthEndpoint(name: string, run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof OAuthError) return oauthErrorResponse(error);
    logError(`oauth ${name}`, error);
    return oauthErrorResponse(new OAuthError("server_error", "Something went wrong on our side. Try again."));
  }
}
