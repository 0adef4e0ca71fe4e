import "server-only";
import { db } from "@/lib/db/prisma";
import { CUSTOMER_SELECT, type CustomerView } from "@/lib/commerce/customer-view";
import { afterCursor, NEWEST_FIRST, toPage, type Page } from "@/lib/db/keyset-pagination";
import type { PageInput } from "@/lib/commerce/schemas";

export async function listCustomers(ownerId: string, input: PageInput): Promise<Page<CustomerView>> {
  const rows = await db().customer.findMany({
    where: { ownerId, ...afterCursor(input.cursor) },
    orderBy: NEWEST_FIRST,
    take: input.limit + 1,
    select: CUSTOMER_SELECT,
  });
  return toPage(rows, input.limit, (row) => row);
}
