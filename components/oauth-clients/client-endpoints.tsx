import { CopyField } from "@/components/oauth-clients/copy-field";

/** The absolute URLs a third party needs to connect, from the configured public URL. */
export function ClientEndpoints({ publicUrl }: { publicUrl: string }) {
  const endpoints: Array<{ label: string; path: string; hint?: string }> = [
    { label: "Authorization endpoint", path: "/oauth/authorize" },
    { label: "Token endpoint", path: "/oauth/token" },
    { label: "Revocation endpoint", path: "/oauth/revoke" },
    { label: "Introspection endpoint", path: "/oauth/introspect" },
    { label: "Server metadata", path: "/.well-known/oauth-authorization-server", hint: "Most OAuth libraries and MCP clients only need this URL." },
    { label: "MCP endpoint", path: "/mcp", hint: "Give this URL to an MCP client such as Claude, ChatGPT, Cursor or VS Code." },
  ];
  return (
    <dl className="space-y-4">
      {endpoints.map((e) => (
        <CopyField key={e.path} label={e.label} value={`${publicUrl}${e.path}`} hint={e.hint} />
      ))}
    </dl>
  );
}
