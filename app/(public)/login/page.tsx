import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { LoginForm } from "@/components/auth/login-form";
import { currentOwner } from "@/lib/auth/session";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";

export const metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const { callbackUrl: raw } = await searchParams;
  const callbackUrl = safeCallbackUrl(typeof raw === "string" ? raw : undefined);
  if (await currentOwner()) redirect(callbackUrl);
  const signupHref = callbackUrl === "/user/oauth-clients" ? "/signup" : `/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`;
  return (
    <AuthCard
      title="Sign in to Latch"
      footer={
        <>
          New here?{" "}
          <Link href={signupHref} className="font-medium text-indigo-700 hover:underline">
            Create an account
          </Link>
        </>
      }
    >
      <LoginForm callbackUrl={callbackUrl} />
    </AuthCard>
  );
}
