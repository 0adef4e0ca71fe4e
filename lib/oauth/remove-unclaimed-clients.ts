import "server-only";
import { db } from "@/lib/db/prisma";
import { UNCLAIMED_CLIENT_TTL } from "@/lib/oauth/lifetimes";

/**
 * Removes clients no owner has connected within UNCLAIMED_CLIENT_TTL: dynamic
 * registrations nobody authorized, and cached metadata-document copies not
 * fetched since. Run on registration and on each authorization request, so
 * no timer is needed and it happens even with registration switched off.
 */
export async function removeUnclaimedClients(now = Date.now()): Promise<void> {
  const cutoff = new Date(now - UNCLAIMED_CLIENT_TTL * 1000);
  await db().oAuthClient.deleteMany({
    where: {
      ownerId: null,
      OR: [
        { registration: "dynamic", createdAt: { lt: cutoff } },
        { registration: "metadata_document", createdAt: { lt: cutoff } },
      ],
    },
  });
}
