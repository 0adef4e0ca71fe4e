/** Only same-site paths, so /login?callbackUrl= can never send anyone elsewhere. */
export function safeCallbackUrl(value: string | null | undefined, fallback = "/user/oauth-clients"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}
