"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

const MESSAGES: Record<string, string> = {
  AccountLocked: "Too many failed sign-in attempts for this email. Wait 15 minutes, then try again.",
  CredentialsSignin: "Wrong email or password.",
};

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<{ email?: string[]; password?: string[] }>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const email = String(data.get("email") ?? "").trim();
    const password = String(data.get("password") ?? "");
    const missing = {
      email: email ? undefined : ["Enter your email address."],
      password: password ? undefined : ["Enter your password."],
    };
    setFieldErrors(missing);
    setError(null);
    if (missing.email || missing.password) return;
    setPending(true);
    try {
      const result = await signIn("credentials", { redirect: false, email, password });
      if (result?.ok && !result.error) {
        router.push(callbackUrl);
        router.refresh();
        return;
      }
      setError(MESSAGES[result?.error ?? ""] ?? MESSAGES.CredentialsSignin!);
    } catch {
      setError("Sign-in is unavailable right now. Try again in a moment.");
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <TextField id="email" label="Email" type="email" autoComplete="email" required maxLength={254} errors={fieldErrors.email} />
      <TextField id="password" label="Password" type="password" autoComplete="current-password" required errors={fieldErrors.password} />
      <Button type="submit" pending={pending} className="w-full">
        Sign in
      </Button>
    </form>
  );
}
