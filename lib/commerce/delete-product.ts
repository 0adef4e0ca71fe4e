import "server-only";
import { Prisma } from "@prisma/client";
import { db } from "@/lib/db/prisma";
import { AppError, notFound } from "@/lib/errors";

const SOLD = "This product has been sold and cannot be deleted; set active to false to stop selling it.";

/** Deletes a product that has never been sold. */
export async function deleteProduct(ownerId: string, id: string): Promise<{ id: string; deleted: true }> {
  const product = await db().product.findFirst({
    where: { id, ownerId },
    select: { _count: { select: { items: true } } },
  });
  if (!product) throw notFound("Product not found");
  if (product._count.items > 0) throw new AppError("conflict", SOLD);
  try {
    const { count } = await db().product.deleteMany({ where: { id, ownerId } });
    if (count === 0) throw notFound("Product not found");
  } catch (error) {
    // Sold since the check: the foreign key refuses the delete.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003") {
      throw new AppError("conflict", SOLD);
    }
    throw error;
  }
  return { id, deleted: true };
}
