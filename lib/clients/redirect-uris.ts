// Redirect URI rules, shared by the dashboard forms, dynamic registration and
// the authorization endpoint. Pure: no server-only import.

export const MAX_REDIRECT_URIS = 20;
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "[::1]", "localhost"]);
const PRIVATE_SCHEME = /^[a-z][a-z0-9+.-]*$/;

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase());
}

/**
 * Why a redirect URI is not acceptable, or null when it is: `https://`
 * anywhere, `http://` only on loopback (any port, RFC 8252), or a private-use
 * scheme for native apps (`cursor://...`, `com.example.app:/cb`). Never a
 * fragment.
 */
export function redirectUriProblem(value: string): string | null {
  const raw = value.trim();
  if (!raw) return "Enter a URI.";
  if (raw.length > 2000) return "A redirect URI can be at most 2000 characters.";
  if (/\s/.test(raw)) return "A redirect URI cannot contain spaces.";
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `"${raw.slice(0, 80)}" is not an absolute URI.`;
  }
  if (raw.includes("#")) return `${raw.slice(0, 80)}: a redirect URI cannot contain a fragment (#).`;
  const scheme = url.protocol.slice(0, -1).toLowerCase();
  if (scheme === "https") {
    if (!url.hostname) return `${raw.slice(0, 80)}: an https redirect URI needs a host.`;
    return null;
  }
  if (scheme === "http") {
    return isLoopbackHost(url.hostname)
      ? null
      : `${raw.slice(0, 80)}: http:// is allowed only on loopback (127.0.0.1, [::1], localhost); use https://.`;
  }
  if (["javascript", "data", "file", "blob", "about", "vbscript", "ftp", "ws", "wss"].includes(scheme)) {
    return `${raw.slice(0, 80)}: the ${scheme}: scheme cannot be a redirect URI.`;
  }
  if (!PRIVATE_SCHEME.test(scheme)) return `${raw.slice(0, 80)}: not a valid URI scheme.`;
  return null;
}

/** Splits a textarea (one per line), trims, drops blanks and duplicates. */
export function parseRedirectUriLines(text: string): string[] {
  return [...new Set(text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean))];
}

/**
 * Whether a requested redirect_uri matches a registered one: exactly, except
 * that on loopback http any port matches (RFC 8252 §7.3).
 */
export function redirectUriMatches(registered: string, requested: string): boolean {
  if (registered === requested) return true;
  let a: URL;
  let b: URL;
  try {
    a = new URL(registered);
    b = new URL(requested);
  } catch {
    return false;
  }
  if (a.protocol !== "http:" || b.protocol !== "http:" || !isLoopbackHost(a.hostname)) return false;
  return (
    a.hostname.toLowerCase() === b.hostname.toLowerCase() &&
    a.pathname === b.pathname &&
    a.search === b.search &&
    !b.hash &&
    !b.username &&
    !b.password
  );
}
