import "server-only";
import { db } from "@/lib/db/prisma";
import { PRODUCT_SELECT, type ProductView } from "@/lib/commerce/product-view";
import type { CreateProductInput } from "@/lib/commerce/schemas";

export async function createProduct(ownerId: string, input: CreateProductInput): Promise<ProductView> {
  return db().product.create({
    data: {
      ownerId,
      name: input.name,
      sku: input.sku ?? null,
      priceCents: input.priceCents,
      currency: input.currency,
      active: input.active,
    },
    select: PRODUCT_SELECT,
  });
}
