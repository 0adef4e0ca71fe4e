import "server-only";
import { db } from "@/lib/db/prisma";

export interface ClientOption {
  id: string;
  name: string;
}

const MAX_OPTIONS = 500;

/** The owner's clients as choices for the token list's client filter. */
export async function listClientOptions(ownerId: string): Promise<ClientOption[]> {
  return db().oAuthClient.findMany({
    where: { ownerId },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: MAX_OPTIONS,
    select: { id: true, name: true },
  });
}
