import "server-only";
import { db } from "@/lib/db/prisma";
import { getSale } from "@/lib/commerce/get-sale";
import type { SaleView } from "@/lib/commerce/sale-view";
import { AppError, notFound } from "@/lib/errors";

/** Voids an open sale; permanent. A second void is a conflict, not a no-op. */
export async function voidSale(ownerId: string, id: string): Promise<SaleView> {
  // One conditional update, so two concurrent voids cannot both succeed.
  const { count } = await db().sale.updateMany({
    where: { id, ownerId, status: "open" },
    data: { status: "voided", voidedAt: new Date() },
  });
  if (count === 0) {
    const sale = await db().sale.findFirst({ where: { id, ownerId }, select: { status: true } });
    if (!sale) throw notFound("Sale not found");
    throw new AppError("conflict", "This sale is already voided.");
  }
  return getSale(ownerId, id);
}
