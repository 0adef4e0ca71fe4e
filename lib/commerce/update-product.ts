import "server-only";
import { db } from "@/lib/db/prisma";
import { PRODUCT_SELECT, type ProductView } from "@/lib/commerce/product-view";
import type { UpdateProductInput } from "@/lib/commerce/schemas";
import { notFound } from "@/lib/errors";

/** Changes the given fields only. Sales already made keep the price they were sold at. */
export async function updateProduct(ownerId: string, input: UpdateProductInput): Promise<ProductView> {
  const { count } = await db().product.updateMany({
    where: { id: input.id, ownerId },
    data: {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.sku !== undefined ? { sku: input.sku } : {}),
      ...(input.priceCents !== undefined ? { priceCents: input.priceCents } : {}),
      ...(input.currency !== undefined ? { currency: input.currency } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
    },
  });
  if (count === 0) throw notFound("Product not found");
  const product = await db().product.findFirst({ where: { id: input.id, ownerId }, select: PRODUCT_SELECT });
  if (!product) throw notFound("Product not found");
  return product;
}
