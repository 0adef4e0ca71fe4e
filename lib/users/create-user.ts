import "server-only";
import { Prisma } from "@prisma/client";
import { hashPassword } from "@/lib/auth/passwords";
import type { SignupInput } from "@/lib/auth/schemas";
import { db } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";

const TAKEN = { email: ["An account with this email already exists. Sign in instead."] };

export async function createUser(input: SignupInput): Promise<{ id: string; email: string }> {
  const existing = await db().user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) throw new AppError("conflict", "Email taken", TAKEN);
  const passwordHash = await hashPassword(input.password);
  try {
    return await db().user.create({ data: { email: input.email, passwordHash }, select: { id: true, email: true } });
  } catch (error) {
    // Two sign-ups racing for one email: the unique index decides.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("conflict", "Email taken", TAKEN);
    }
    throw error;
  }
}
