import "server-only";
import { db } from "@/lib/db/prisma";
import { SALE_SELECT, type SaleView } from "@/lib/commerce/sale-view";
import type { CreateSaleInput } from "@/lib/commerce/schemas";
import { AppError } from "@/lib/errors";

// Totals are stored in a 32-bit integer column on PostgreSQL.
const MAX_TOTAL_CENTS = 2_147_483_647;

/**
 * Records a sale for one of the owner's customers. Prices come from the
 * owner's products at this moment (never from the caller), inside one
 * transaction, so the total always matches the line items.
 */
export async function createSale(ownerId: string, input: CreateSaleInput): Promise<SaleView> {
  return db().$transaction(async (tx) => {
    const customer = await tx.customer.findFirst({ where: { id: input.customerId, ownerId }, select: { id: true } });
    if (!customer) {
      throw new AppError("not_found", "Customer not found", { customerId: ["No customer with this id"] });
    }
    const ids = [...new Set(input.items.map((item) => item.productId))];
    const products = await tx.product.findMany({
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
    return tx.sale.create({
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
  });
}
