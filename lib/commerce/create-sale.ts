import "server-only";
import { Prisma } from "@prisma/client";
import { db } from "@/lib/db/prisma";
import { SALE_SELECT, type SaleView } from "@/lib/commerce/sale-view";
import type { CreateSaleInput } from "@/lib/commerce/schemas";
import { AppError } from "@/lib/errors";

// Totals are stored in a 32-bit integer column on PostgreSQL.
const MAX_TOTAL_CENTS = 2_147_483_647;

/**
 * Records a sale for one of the owner's customers. Prices come from the
 * owner's products at this moment (never from the caller), and the sale and
 * its items are written in one atomic nested create, so the total always
 * matches the line items.
 *
 * The checks are plain reads before that write rather than an interactive
 * transaction: on SQLite (WAL) a transaction that reads and then writes fails
 * at once with SQLITE_BUSY when another connection wrote in between, while a
 * write-first statement waits for the lock. The foreign keys still refuse a
 * customer or product deleted in the meantime.
 */
export async function createSale(ownerId: string, input: CreateSaleInput): Promise<SaleView> {
  const customer = await db().customer.findFirst({ where: { id: input.customerId, ownerId }, select: { id: true } });
  if (!customer) {
    throw new AppError("not_found", "Customer not found", { customerId: ["No customer with this id"] });
  }
  const ids = [...new Set(input.items.map((item) => item.productId))];
  const products = await db().product.findMany({
    where: { ownerId, id: { in: ids } },
    select: { id: true, priceCents: true, currency: true, active: true },
  });
  const byId = new Map(products.map((p) => [p.id, p]));
  let totalCents = 0;
  const items = input.items.map((item) => {
    const product = byId.get(item.productId);
    if (!product) throw new AppError("not_found", `Product ${item.productId} not found`, { items: ["A product was not found"] });
    if (!product.active) {
      throw new AppError("conflict", `Product ${item.productId} is inactive and cannot be sold`, { items: ["A product is inactive"] });
    }
    totalCents += product.priceCents * item.quantity;
    return { productId: product.id, quantity: item.quantity, unitPriceCents: product.priceCents };
  });
  const currencies = new Set(products.map((p) => p.currency));
  if (currencies.size > 1) {
    throw new AppError("bad_request", "All products in a sale must have the same currency", { items: ["Mixed currencies"] });
  }
  if (totalCents > MAX_TOTAL_CENTS) {
    throw new AppError("bad_request", "The sale total is too large", { items: ["The total is too large"] });
  }
  try {
    return await db().sale.create({
      data: {
        ownerId,
        customerId: customer.id,
        status: "open",
        totalCents,
        currency: products[0]!.currency,
        items: { create: items },
      },
      select: SALE_SELECT,
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003") {
      throw new AppError("not_found", "The customer or a product was deleted meanwhile");
    }
    throw error;
  }
}
