import "server-only";
import { createHmac } from "node:crypto";
import { config } from "@/lib/config/env";
import { safeEqual } from "@/lib/crypto/secrets";
import { CONSENT_FORM_TTL } from "@/lib/oauth/lifetimes";

// The consent form's CSRF token: an HMAC (keyed with AUTH_SECRET) over the
// signed-in owner, the time the form was shown and the exact authorization
// request. A token from another owner's session, for another request, or
// older than an hour does not verify. Stateless, so any app instance can check it.

function mac(ownerId: string, issuedAt: number, params: URLSearchParams): string {
  return createHmac("sha256", config().authSecret)
    .update(`latch-consent\n${ownerId}\n${issuedAt}\n${params.toString()}`)
    .digest("base64url");
}

export function createConsentToken(ownerId: string, params: URLSearchParams, now = Date.now()): string {
  const issuedAt = Math.floor(now / 1000);
  return `${issuedAt}.${mac(ownerId, issuedAt, params)}`;
}

export function verifyConsentToken(token: string, ownerId: string, params: URLSearchParams, now = Date.now()): boolean {
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return false;
  const issuedAt = Number(match[1]);
  const age = Math.floor(now / 1000) - issuedAt;
  if (age < -60 || age > CONSENT_FORM_TTL) return false;
  return safeEqual(match[2]!, mac(ownerId, issuedAt, params));
}
