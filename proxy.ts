import type { NextRequest } from "next/server";
import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import { config as latchConfig } from "@/lib/config/env";

// Only redirects signed-out visitors to /login and back; every page, action
// and service checks the session itself.
export default function proxy(request: NextRequest) {
  return withAuth(request as NextRequestWithAuth, {
    secret: latchConfig().authSecret,
    pages: { signIn: "/login" },
  });
}

export const config = { matcher: ["/user/:path*"] };
