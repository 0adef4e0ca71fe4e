import "server-only";
import { Prisma } from "@prisma/client";
import { db } from "@/lib/db/prisma";
import { AppError, notFound } from "@/lib/errors";

const HAS_SALES = "This customer has sales and cannot be deleted.";

/** Deletes a customer who has no sales (sales keep their customer). */
export async function deleteCustomer(ownerId: string, id: string): Promise<{ id: string; deleted: true }> {
  const customer = await db().customer.findFirst({
    where: { id, ownerId },
    select: { _count: { select: { sales: true } } },
  });
  if (!customer) throw notFound("Customer not found");
  if (customer._count.sales > 0) throw new AppError("conflict", HAS_SALES);
  try {
    const { count } = await db().customer.deleteMany({ where: { id, ownerId } });
    if (count === 0) throw notFound("Customer not found");
  } catch (error) {
    // A sale created since the check: the foreign key refuses the delete.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003") {
      throw new AppError("conflict", HAS_SALES);
    }
    throw error;
  }
  return { id, deleted: true };
}
