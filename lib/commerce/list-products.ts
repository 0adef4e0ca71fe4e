import "server-only";
import { db } from "@/lib/db/prisma";
import { afterCursor, NEWEST_FIRST, toPage, type Page } from "@/lib/db/keyset-pagination";
import { PRODUCT_SELECT, type ProductView } from "@/lib/commerce/product-view";
import type { ListProductsInput } from "@/lib/commerce/schemas";

export async function listProducts(ownerId: string, input: ListProductsInput): Promise<Page<ProductView>> {
  const rows = await db().product.findMany({
    where: {
      ownerId,
      ...(input.status ? { active: input.status === "active" } : {}),
      ...afterCursor(input.cursor),
    },
    orderBy: NEWEST_FIRST,
    take: input.limit + 1,
    select: PRODUCT_SELECT,
  });
  return toPage(rows, input.limit, (row) => row);
}
