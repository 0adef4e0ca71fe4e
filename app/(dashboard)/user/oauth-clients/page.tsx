import { requireOwner } from "@/lib/auth/session";

export const metadata = { title: "OAuth Clients" };

export default async function OAuthClientsPage() {
  await requireOwner("/user/oauth-clients");
  return (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight">OAuth Clients</h1>
      <p className="mt-2 text-sm text-zinc-600">
        An OAuth client is how a third party or an AI agent gets access to your account. You have none yet.
      </p>
    </div>
  );
}
