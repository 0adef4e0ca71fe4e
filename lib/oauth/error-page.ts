// The page shown when an authorization request cannot go back to the client
// (unknown client, unregistered redirect URI, a form that did not come from
// Latch). Plain HTML from a route handler so it can carry a real 4xx status.

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

export const AUTHORIZE_PAGE_HEADERS = {
  "Cache-Control": "no-store",
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "DENY",
  "Content-Security-Policy": "frame-ancestors 'none'",
  "X-Content-Type-Options": "nosniff",
} as const;

export function authorizeErrorPage(title: string, message: string, status = 400): Response {
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} · Latch</title>
<style>
  body { margin: 0; min-height: 100vh; display: flex; align-items: center; justify-content: center; padding: 1.5rem;
         background: #fafafa; color: #18181b; font: 15px/1.6 ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
  main { max-width: 28rem; width: 100%; }
  .brand { font-weight: 600; font-size: 1.4rem; letter-spacing: -0.01em; text-align: center; margin-bottom: 1.5rem; }
  .card { background: #fff; border-radius: 0.75rem; box-shadow: 0 1px 2px rgb(0 0 0 / 0.05); outline: 1px solid #e4e4e7; padding: 1.75rem; }
  h1 { font-size: 1.125rem; margin: 0 0 0.75rem; }
  p { margin: 0 0 0.75rem; color: #3f3f46; }
  .hint { font-size: 0.85rem; color: #71717a; margin: 0; }
  a { color: #4338ca; }
</style>
</head>
<body>
<main id="main">
  <div class="brand">Latch</div>
  <div class="card" role="alert">
    <h1>${escapeHtml(title)}</h1>
    <p>${escapeHtml(message)}</p>
    <p class="hint">For your safety Latch did not send you back to the app. You can close this page, or go to <a href="/">Latch</a>.</p>
  </div>
</main>
</body>
</html>`;
  return new Response(html, { status, headers: { "Content-Type": "text/html; charset=utf-8", ...AUTHORIZE_PAGE_HEADERS } });
}
