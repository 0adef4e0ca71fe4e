import { requireOwner } from "@/lib/auth/session";

export const metadata = { title: "Access Tokens" };

export default async function AccessTokensPage() {
  await requireOwner("/user/oauth-access-tokens");
  return (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight">Access Tokens</h1>
      <p className="mt-2 text-sm text-zinc-600">Every access token of your OAuth clients appears here.</p>
    </div>
  );
}
