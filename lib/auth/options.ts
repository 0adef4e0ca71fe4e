import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { config } from "@/lib/config/env";

/** Error code the login form turns into "too many attempts". */
export const ACCOUNT_LOCKED = "AccountLocked";

export function authOptions(): NextAuthOptions {
  return {
    secret: config().authSecret,
    session: { strategy: "jwt", maxAge: 7 * 24 * 60 * 60 },
    pages: { signIn: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials) {
          const result = await verifyCredentials(credentials);
          if (result.ok) return result.user;
          if (result.reason === "locked") throw new Error(ACCOUNT_LOCKED);
          return null;
        },
      }),
    ],
    callbacks: {
      session({ session, token }) {
        if (session.user && token.sub) session.user.id = token.sub;
        return session;
      },
    },
  };
}
