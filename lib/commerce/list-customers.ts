import "server-only";
import { config } from "@/lib/config/env";
import { db } from "@/lib/db/prisma";
import { TEXT_PARAM } from "@/lib/db/sqlite-direct";
import { sqliteAll, sqliteDate } from "@/lib/db/sqlite-reader";
import { CUSTOMER_SELECT, type CustomerView } from "@/lib/commerce/customer-view";
import { afterCursor, decodeCursor, NEWEST_FIRST, toPage, type Page } from "@/lib/db/keyset-pagination";
import type { PageInput } from "@/lib/commerce/schemas";

// The API's busiest list. On SQLite it is a prepared statement on the direct
// connection (lib/db/sqlite-reader.ts), the same query Prisma would run.
const COLUMNS = `SELECT "id", "email", "name", "phone", "createdAt", "updatedAt" FROM "Customer"`;
const ORDER = `ORDER BY "createdAt" DESC, "id" DESC LIMIT ?`;
const FIRST_PAGE = `${COLUMNS} WHERE "ownerId" = ${TEXT_PARAM} ${ORDER}`;
const AFTER = `${COLUMNS} WHERE "ownerId" = ${TEXT_PARAM} AND ("createdAt" < ${TEXT_PARAM} OR ("createdAt" = ${TEXT_PARAM} AND "id" < ${TEXT_PARAM})) ${ORDER}`;

interface StoredCustomer extends Omit<CustomerView, "createdAt" | "updatedAt"> {
  createdAt: string;
  updatedAt: string;
}

function readSqlite(ownerId: string, input: PageInput): CustomerView[] {
  const take = input.limit + 1;
  const rows =
    input.cursor === undefined
      ? sqliteAll<StoredCustomer>(FIRST_PAGE, ownerId, take)
      : (() => {
          const { createdAt, id } = decodeCursor(input.cursor);
          const at = sqliteDate(createdAt);
          return sqliteAll<StoredCustomer>(AFTER, ownerId, at, at, id, take);
        })();
  return rows.map((row) => ({ ...row, createdAt: new Date(row.createdAt), updatedAt: new Date(row.updatedAt) }));
}

export async function listCustomers(ownerId: string, input: PageInput): Promise<Page<CustomerView>> {
  const rows =
    config().databaseProvider === "sqlite"
      ? readSqlite(ownerId, input)
      : await db().customer.findMany({
          where: { ownerId, ...afterCursor(input.cursor) },
          orderBy: NEWEST_FIRST,
          take: input.limit + 1,
          select: CUSTOMER_SELECT,
        });
  return toPage(rows, input.limit, (row) => row);
}
