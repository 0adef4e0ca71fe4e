import "server-only";
import { db } from "@/lib/db/prisma";
import { SALE_SELECT, type SaleView } from "@/lib/commerce/sale-view";
import { notFound } from "@/lib/errors";

/** One of the owner's sales with its items; another owner's sale is not found. */
export async function getSale(ownerId: string, id: string): Promise<SaleView> {
  const sale = await db().sale.findFirst({ where: { id, ownerId }, select: SALE_SELECT });
  if (!sale) throw notFound("Sale not found");
  return sale;
}
