import type { ClientType } from "@/lib/clients/schemas";

const AUTH_METHOD_LABELS: Record<string, string> = {
  client_secret_basic: "client_secret_basic (HTTP Basic), or client_secret_post",
  client_secret_post: "client_secret_post, or client_secret_basic",
  none: "none (public client: PKCE, no secret)",
};

/** What this client may do at the token endpoint. */
export function GrantTypes({ type, authMethod }: { type: ClientType; authMethod: string }) {
  const grants: Array<{ name: string; body: string }> = [
    {
      name: "authorization_code",
      body: "A person signs in and approves access; PKCE (S256) is " + (type === "public" ? "required." : "recommended."),
    },
    { name: "refresh_token", body: "Renews a short-lived access token without asking again; each refresh token works once." },
  ];
  if (type === "confidential") {
    grants.push({ name: "client_credentials", body: "A server gets a token with its client ID and secret alone, acting as you." });
  }
  return (
    <div className="space-y-4">
      <ul className="space-y-3">
        {grants.map((g) => (
          <li key={g.name} className="flex flex-col gap-1 sm:flex-row sm:gap-4">
            <code className="shrink-0 font-mono text-sm text-zinc-900 sm:w-48">{g.name}</code>
            <span className="text-sm text-zinc-600">{g.body}</span>
          </li>
        ))}
      </ul>
      <p className="text-sm text-zinc-600">
        Client authentication: <code className="font-mono text-zinc-900">{AUTH_METHOD_LABELS[authMethod] ?? authMethod}</code>
      </p>
    </div>
  );
}
