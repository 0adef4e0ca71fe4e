import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { db } from "@/lib/db/prisma";

export interface Owner {
  id: string;
  email: string;
}

/**
 * The signed-in owner, checked against the database (a session outliving its
 * account is no session), or null.
 */
export async function currentOwner(): Promise<Owner | null> {
  // Per request, never at build time.
  await connection();
  const session = await getServerSession(authOptions());
  const id = session?.user?.id;
  if (!id) return null;
  return db().user.findUnique({ where: { id }, select: { id: true, email: true } });
}

/** For pages: the owner, or a redirect to sign in and back. */
export async function requireOwner(returnTo: string): Promise<Owner> {
  const owner = await currentOwner();
  if (!owner) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  return owner;
}
