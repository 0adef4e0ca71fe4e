import "server-only";
import { db } from "@/lib/db/prisma";
import { afterCursor, NEWEST_FIRST, toPage, type Page } from "@/lib/db/keyset-pagination";
import { SALE_SELECT, type SaleView } from "@/lib/commerce/sale-view";
import type { ListSalesInput } from "@/lib/commerce/schemas";

export async function listSales(ownerId: string, input: ListSalesInput): Promise<Page<SaleView>> {
  const rows = await db().sale.findMany({
    where: {
      ownerId,
      ...(input.customerId ? { customerId: input.customerId } : {}),
      ...(input.status ? { status: input.status } : {}),
      ...afterCursor(input.cursor),
    },
    orderBy: NEWEST_FIRST,
    take: input.limit + 1,
    select: SALE_SELECT,
  });
  return toPage(rows, input.limit, (row) => row);
}
