/** Stands for Latch's own origin while a callback URL is resolved. */
const OWN_ORIGIN = "http://latch.invalid";

/**
 * Only same-site paths, so /login?callbackUrl= can never send anyone
 * elsewhere. The value is resolved as the browser and Next's router will
 * resolve it, and kept only when it stays on this origin: the URL parser drops
 * tabs and newlines and reads a backslash as a slash, so a check of the text
 * alone lets "/\t/evil.example" through as "//evil.example". What is returned
 * is the resolved path, query and fragment, itself checked again.
 */
export function safeCallbackUrl(value: string | null | undefined, fallback = "/user/oauth-clients"): string {
  if (!value || !value.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(value, OWN_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== OWN_ORIGIN) return fallback;
  // Dot segments are removed after the host: "/.//evil.example" resolves here
  // with the path "//evil.example", which, given on its own, is another host.
  const kept = `${url.pathname}${url.search}${url.hash}`;
  if (kept.startsWith("//") || new URL(kept, OWN_ORIGIN).origin !== OWN_ORIGIN) return fallback;
  return kept;
}
