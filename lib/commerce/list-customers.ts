import "server-only";
import { config } from "@/lib/config/env";
import { db } from "@/lib/db/prisma";
import { sqliteDate, sqliteGet } from "@/lib/db/sqlite-reader";
import { CUSTOMER_SELECT, type CustomerView } from "@/lib/commerce/customer-view";
import { afterCursor, decodeCursor, encodeCursor, NEWEST_FIRST, toPage, type Page } from "@/lib/db/keyset-pagination";
import { JsonText } from "@/lib/http/json-text";
import type { PageInput } from "@/lib/commerce/schemas";

// The API's busiest list. On SQLite, SQLite itself writes the page as JSON,
// in one statement on the direct connection (lib/db/sqlite-reader.ts): making
// 25 records of JavaScript objects with two Dates each, then writing them out
// again, cost several times as much (measured on these machines). The text is
// the one jsonText writes for the same page from Prisma's rows (a test
// compares the two on awkward data). A page holding a time stored otherwise
// than Prisma writes it (by hand, by another tool) comes from Prisma, as on
// PostgreSQL, so that Prisma's reading of such times stays the only one.

/** A time as Prisma stores it: "2026-11-30T10:00:00.000+00:00". */
function storedByPrisma(column: string): string {
  return `"${column}" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]+00:00'`;
}

/** Such a time as Date.prototype.toISOString writes it: "2026-11-30T10:00:00.000Z". */
function isoTime(column: string): string {
  return `substr("${column}", 1, 23) || 'Z'`;
}

/** A customer as the API shows it (CustomerView). */
const RECORD = `json_object('id', "id", 'email', "email", 'name', "name", 'phone', "phone",
  'createdAt', ${isoTime("createdAt")}, 'updatedAt', ${isoTime("updatedAt")})`;
const NEWEST = `ORDER BY "createdAt" DESC, "id" DESC`;

function pageSql(after: boolean): string {
  const rows = `FROM "Customer" WHERE "ownerId" = CAST(@owner AS TEXT)${
    after ? ` AND ("createdAt" < CAST(@at AS TEXT) OR ("createdAt" = CAST(@at AS TEXT) AND "id" < CAST(@id AS TEXT)))` : ""
  }`;
  // One statement, so the records and the cursor come from one snapshot; the
  // last three read only the (ownerId, createdAt, id) index.
  return `SELECT
    json_group_array(${RECORD} ${NEWEST}) AS "data",
    count(*) FILTER (WHERE NOT (${storedByPrisma("createdAt")} AND ${storedByPrisma("updatedAt")})) AS "otherTimes",
    (SELECT "createdAt" ${rows} ${NEWEST} LIMIT 1 OFFSET @limit - 1) AS "lastCreatedAt",
    (SELECT "id" ${rows} ${NEWEST} LIMIT 1 OFFSET @limit - 1) AS "lastId",
    EXISTS (SELECT 1 ${rows} ${NEWEST} LIMIT 1 OFFSET @limit) AS "more"
  FROM (SELECT "id", "email", "name", "phone", "createdAt", "updatedAt" ${rows} ${NEWEST} LIMIT @limit)`;
}
const FIRST_PAGE = pageSql(false);
const AFTER = pageSql(true);

interface PageRow {
  data: string;
  otherTimes: number;
  lastCreatedAt: string | null;
  lastId: string | null;
  more: number;
}

/** The page as JSON, as jsonText would write listCustomers' Page<CustomerView>; null for a page with a time Prisma did not write. */
function sqlitePage(ownerId: string, input: PageInput): JsonText | null {
  const params: Record<string, string | number> = { owner: ownerId, limit: input.limit };
  if (input.cursor !== undefined) {
    const { createdAt, id } = decodeCursor(input.cursor);
    params.at = sqliteDate(createdAt);
    params.id = id;
  }
  const row = sqliteGet<PageRow>(input.cursor === undefined ? FIRST_PAGE : AFTER, params)!;
  if (row.otherTimes > 0) return null;
  const last = row.lastCreatedAt !== null && row.lastId !== null ? { createdAt: new Date(row.lastCreatedAt), id: row.lastId } : null;
  const nextCursor = row.more && last ? encodeCursor(last) : null;
  return new JsonText(`{"data":${row.data},"nextCursor":${JSON.stringify(nextCursor)}}`);
}

/** A page of the owner's customers, newest first, through Prisma. */
export async function listCustomers(ownerId: string, input: PageInput): Promise<Page<CustomerView>> {
  const rows = await db().customer.findMany({
    where: { ownerId, ...afterCursor(input.cursor) },
    orderBy: NEWEST_FIRST,
    take: input.limit + 1,
    select: CUSTOMER_SELECT,
  });
  return toPage(rows, input.limit, (row) => row);
}

/** What list_customers answers: the page as JSON on SQLite (see above), else as records. */
export async function listCustomersAnswer(ownerId: string, input: PageInput): Promise<Page<CustomerView> | JsonText> {
  return (config().databaseProvider === "sqlite" ? sqlitePage(ownerId, input) : null) ?? listCustomers(ownerId, input);
}
