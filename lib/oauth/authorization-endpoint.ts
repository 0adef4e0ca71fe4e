import "server-only";
import { currentOwner } from "@/lib/auth/session";
import { config } from "@/lib/config/env";
import { logError } from "@/lib/log";
import {
  authorizationResponseUrl,
  checkAuthorizationRequest,
  clientAvailableTo,
  recognisedParams,
  type AuthorizationCheck,
} from "@/lib/oauth/authorization-request";
import { removeUnclaimedClients } from "@/lib/oauth/remove-unclaimed-clients";
import { connectClient } from "@/lib/oauth/connect-client";
import { isAccessChoice, keysForChoice } from "@/lib/oauth/consent-choice";
import { verifyConsentToken } from "@/lib/oauth/consent-token";
import { createAuthorizationCode } from "@/lib/oauth/create-authorization-code";
import { AUTHORIZE_PAGE_HEADERS, authorizeErrorPage } from "@/lib/oauth/error-page";
import { readLimitedText } from "@/lib/oauth/request-body";

// GET /oauth/authorize checks the request and, when it is good and someone is
// signed in, sends the browser to the consent page (/oauth/consent) with the
// same parameters. POST /oauth/authorize records the owner's decision from
// that page. Both answer errors with real statuses: an error page (never a
// redirect) for an unknown client or redirect URI, otherwise an error
// redirect to the client with `state` and `iss`.

const NOT_AVAILABLE = [
  "This app is not available to your account",
  "The app is connected to another Latch account, or it does not exist. If it registered itself, ask it to register again and connect from your account.",
] as const;

function redirectTo(location: string, status = 303): Response {
  return new Response(null, { status, headers: { Location: location, ...AUTHORIZE_PAGE_HEADERS } });
}

/** Where a signed-out visitor goes: sign in, then back to this very request. */
export function loginUrl(params: URLSearchParams): string {
  return `/login?callbackUrl=${encodeURIComponent(`/oauth/authorize?${recognisedParams(params).toString()}`)}`;
}

function answerProblem(check: Exclude<AuthorizationCheck, { kind: "ok" }>): Response {
  return check.kind === "fatal" ? authorizeErrorPage(check.title, check.message) : redirectTo(check.location);
}

async function guarded(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    logError("oauth authorize", error);
    return authorizeErrorPage("Something went wrong", "Latch could not handle this request right now. Go back to the app and try again.", 500);
  }
}

export async function handleAuthorizeGet(request: Request): Promise<Response> {
  return guarded(async () => {
    const params = new URL(request.url).searchParams;
    await removeUnclaimedClients();
    const owner = await currentOwner();
    const check = await checkAuthorizationRequest(params, owner?.id ?? null);
    if (check.kind !== "ok") return answerProblem(check);
    if (!owner) return redirectTo(loginUrl(params));
    if (!clientAvailableTo(check.request.client, owner.id)) return authorizeErrorPage(...NOT_AVAILABLE, 404);
    return redirectTo(`/oauth/consent?${check.request.params.toString()}`);
  });
}

/** A form post that did not come from Latch's own consent page is refused. */
function fromOurOrigin(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin" && site !== "none") return false;
  const origin = request.headers.get("origin");
  // The consent page sends no referrer, so browsers send `Origin: null`.
  return origin === null || origin === "null" || origin === new URL(config().publicUrl).origin;
}

export async function handleAuthorizeDecision(request: Request): Promise<Response> {
  return guarded(async () => {
    const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    const text = type === "application/x-www-form-urlencoded" ? await readLimitedText(request) : null;
    if (text === null) return authorizeErrorPage("Unexpected request", "Latch could not read this form. Go back to the app and start again.");
    if (!fromOurOrigin(request)) {
      return authorizeErrorPage("Request refused", "This form was not sent from Latch's own consent page, so it was ignored.", 403);
    }
    const form = new URLSearchParams(text);
    const params = recognisedParams(form);
    const owner = await currentOwner();
    const check = await checkAuthorizationRequest(params, owner?.id ?? null);
    if (check.kind !== "ok") return answerProblem(check);
    let authorization = check.request;
    if (!owner) return redirectTo(loginUrl(params));
    if (!clientAvailableTo(authorization.client, owner.id)) return authorizeErrorPage(...NOT_AVAILABLE, 404);
    if (!verifyConsentToken(form.get("consent_token") ?? "", owner.id, authorization.params)) {
      return authorizeErrorPage(
        "This consent form has expired",
        "The form was open too long, or it was not sent from your Latch session. Go back to the app and connect again.",
        403,
      );
    }

    const decision = form.get("decision");
    if (decision === "deny") {
      return redirectTo(
        authorizationResponseUrl(authorization.redirectUri, {
          error: "access_denied",
          error_description: "The account owner denied access.",
          state: authorization.state,
        }),
      );
    }
    if (decision !== "allow") return authorizeErrorPage("Unexpected request", "Choose Allow or Deny on the consent page.");

    if (authorization.client.ownerId === null) {
      const choice = form.get("access");
      const keys = isAccessChoice(choice) ? keysForChoice(choice, form.getAll("group")) : [];
      if (keys.length === 0) {
        return redirectTo(`/oauth/consent?${authorization.params.toString()}&consent_error=choose_permissions`);
      }
      const connected = await connectClient(owner.id, authorization.client, keys);
      if (!connected) return authorizeErrorPage(...NOT_AVAILABLE, 404);
      authorization = { ...authorization, client: connected };
    }
    const code = await createAuthorizationCode(owner.id, authorization);
    return redirectTo(authorizationResponseUrl(authorization.redirectUri, { code, state: authorization.state }));
  });
}
