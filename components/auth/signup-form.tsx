"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { signupAction } from "@/lib/auth/signup-action";
import { PASSWORD_MIN } from "@/lib/auth/schemas";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";

export function SignupForm({ callbackUrl }: { callbackUrl: string }) {
  const credentials = useRef<{ email: string; password: string } | null>(null);
  const { state, pending, formProps } = useFormAction(signupAction, (data) => {
    credentials.current = { email: String(data.get("email") ?? ""), password: String(data.get("password") ?? "") };
  });
  const router = useRouter();

  useEffect(() => {
    if (state.status !== "success" || !credentials.current) return;
    // The account exists now: sign in with what was typed and go on.
    const { email, password } = credentials.current;
    credentials.current = null;
    void signIn("credentials", { redirect: false, email, password }).then((result) => {
      router.push(result?.ok && !result.error ? callbackUrl : "/login");
      router.refresh();
    });
  }, [state, callbackUrl, router]);

  return (
    <form {...formProps} className="space-y-5">
      {state.formError ? <Alert tone="error">{state.formError}</Alert> : null}
      <TextField id="email" label="Email" type="email" autoComplete="email" required maxLength={254} errors={state.fieldErrors?.email} />
      <TextField
        id="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        hint={`At least ${PASSWORD_MIN} characters.`}
        errors={state.fieldErrors?.password}
      />
      <Button type="submit" pending={pending || state.status === "success"} className="w-full">
        Create account
      </Button>
    </form>
  );
}
