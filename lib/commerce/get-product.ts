import "server-only";
import { db } from "@/lib/db/prisma";
import { PRODUCT_SELECT, type ProductView } from "@/lib/commerce/product-view";
import { notFound } from "@/lib/errors";

/** One of the owner's products; another owner's product is not found. */
export async function getProduct(ownerId: string, id: string): Promise<ProductView> {
  const product = await db().product.findFirst({ where: { id, ownerId }, select: PRODUCT_SELECT });
  if (!product) throw notFound("Product not found");
  return product;
}
