import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignupForm } from "@/components/auth/signup-form";
import { currentOwner } from "@/lib/auth/session";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";

export const metadata = { title: "Create account" };

export default async function SignupPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const { callbackUrl: raw } = await searchParams;
  const callbackUrl = safeCallbackUrl(typeof raw === "string" ? raw : undefined);
  if (await currentOwner()) redirect(callbackUrl);
  return (
    <AuthCard
      title="Create your Latch account"
      footer={
        <>
          Already have an account?{" "}
          <Link href={`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="font-medium text-indigo-700 hover:underline">
            Sign in
          </Link>
        </>
      }
    >
      <SignupForm callbackUrl={callbackUrl} />
    </AuthCard>
  );
}
