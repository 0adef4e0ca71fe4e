import "server-only";
import { config } from "@/lib/config/env";
import { pgRows } from "@/lib/db/pg-direct";
import { db } from "@/lib/db/prisma";
import { sqliteColumn, sqliteDate, sqliteStoredByPrisma } from "@/lib/db/sqlite-reader";
import { CUSTOMER_SELECT, type CustomerView } from "@/lib/commerce/customer-view";
import { afterCursor, decodeCursor, encodeCursor, NEWEST_FIRST, toPage, type Page } from "@/lib/db/keyset-pagination";
import { JsonText } from "@/lib/http/json-text";
import type { PageInput } from "@/lib/commerce/schemas";

// The API's busiest list. On SQLite each customer's record, as the API
// writes it, is kept in an index of the list's order: SQLite computes it on
// every insert and update, Latch's or anyone's, and a page is read from that
// index alone, evaluating nothing per request (6.5 µs a page in a loop,
// against 20 µs when SQLite wrote every record at each read, and 6 µs for
// the ids alone). The index is made by the migration
// 20261130230518_customers_record_index with RECORD's expression: SQLite
// reads a stored expression only for a statement with the same one, so a
// test holds the page statements to that index, evaluating no function. The
// text is the one jsonText writes for the same page from Prisma's rows (a
// test compares the two on awkward data). A page holding a record SQLite
// left NULL (a time stored otherwise than Prisma writes it, or a text column
// holding something else, by hand or by another tool) comes from Prisma, as
// on PostgreSQL, so that Prisma's reading of such values stays the only one.
// The exact test of each time cost 40 µs a page at each read (on the slower
// Intel machine, where a page cost about 50 µs); once per write it is
// nothing. RECORD's text, with sqliteStoredByPrisma's and isoTime's, is the
// applied migration's: change it only with a new migration.

/** Such a time as Date.prototype.toISOString writes it: "2026-11-30T10:00:00.000Z". */
function isoTime(column: string): string {
  return `substr("${column}", 1, 23) || 'Z'`;
}

/**
 * A customer as the API shows it (CustomerView), or NULL when a time is not
 * stored exactly as Prisma stores it, or a text column holds something else
 * (json_object would refuse a BLOB, and with it the write).
 */
const RECORD = `CASE WHEN typeof("id") = 'text' AND typeof("email") = 'text' AND typeof("name") = 'text' AND typeof("phone") IN ('text', 'null')
  AND ${sqliteStoredByPrisma("createdAt")} AND ${sqliteStoredByPrisma("updatedAt")}
  THEN json_object('id', "id", 'email', "email", 'name', "name", 'phone', "phone",
    'createdAt', ${isoTime("createdAt")}, 'updatedAt', ${isoTime("updatedAt")}) END`;

function pageSql(after: boolean): string {
  // One record past the page says whether there is a next one. The records
  // are joined in JavaScript: SQLite's json_group_array with an ORDER BY, and
  // subqueries for the cursor, cost twice as much again (measured).
  return `SELECT ${RECORD} FROM "Customer" WHERE "ownerId" = CAST(@owner AS TEXT)${
    after ? ` AND ("createdAt" < CAST(@at AS TEXT) OR ("createdAt" = CAST(@at AS TEXT) AND "id" < CAST(@id AS TEXT)))` : ""
  } ORDER BY "createdAt" DESC, "id" DESC LIMIT @limit + 1`;
}
/** The page statements: the first page, and a page after a cursor. */
export const SQLITE_PAGE_STATEMENTS = Object.freeze({ first: pageSql(false), after: pageSql(true) });

const ID_START = '{"id":"'.length;
const CREATED_AT = '"createdAt":"';

/**
 * The cursor after a record, read from its JSON text without parsing it:
 * RECORD writes the id first, and its createdAt holds no escape (a record
 * with a time stored otherwise than Prisma stores it is NULL). A quote
 * inside any value is escaped, so the last `"createdAt":"` is the key's. An
 * id with an escape in it (a quote, a backslash, a control character,
 * written by hand) is read by JSON.parse. Parsing the last record of every page with a next one, and a
 * page written around its joined records (copied once more as it was sent),
 * cost customers 6–14 µs a request under load, measured together (54.6–61.0
 * against 46.7–48.9 µs, one run of each on the bench's database).
 */
function cursorAfter(record: string): string {
  const idEnd = record.indexOf('"', ID_START);
  const id = record.slice(ID_START, idEnd);
  if (id.includes("\\")) {
    const last = JSON.parse(record) as CustomerView & { createdAt: string };
    return encodeCursor({ createdAt: new Date(last.createdAt), id: last.id });
  }
  const at = record.lastIndexOf(CREATED_AT) + CREATED_AT.length;
  return encodeCursor({ createdAt: new Date(record.slice(at, record.indexOf('"', at))), id });
}

/** The page as JSON, as jsonText would write listCustomers' Page<CustomerView>; null for a page with a NULL record (see RECORD). */
function sqlitePage(ownerId: string, input: PageInput): JsonText | null {
  const params: Record<string, string | number> = { owner: ownerId, limit: input.limit };
  if (input.cursor !== undefined) {
    const { createdAt, id } = decodeCursor(input.cursor);
    params.at = sqliteDate(createdAt);
    params.id = id;
  }
  const records = sqliteColumn<string | null>(input.cursor === undefined ? SQLITE_PAGE_STATEMENTS.first : SQLITE_PAGE_STATEMENTS.after, params);
  if (records.includes(null)) return null;
  let nextCursor: string | null = null;
  if (records.length > input.limit) {
    records.length = input.limit;
    nextCursor = cursorAfter(records[input.limit - 1]!);
  }
  // One join writes the whole answer (see cursorAfter).
  const end = `],"nextCursor":${JSON.stringify(nextCursor)}}`;
  if (records.length === 0) return new JsonText(`{"data":[${end}`);
  records[0] = `{"data":[${records[0]}`;
  records[records.length - 1] += end;
  return new JsonText(records.join(","));
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

// On PostgreSQL, the same query as listCustomers' as a statement prepared
// once per pooled connection (lib/db/pg-direct.ts): through Prisma it cost
// about 1.3 ms of CPU more per page. Times go in as UTC text (see pgStatement).
const PG_COLUMNS = `"id", "email", "name", "phone", "createdAt", "updatedAt"`;
const PG_FIRST_PAGE = `SELECT ${PG_COLUMNS} FROM "Customer" WHERE "ownerId" = ? ORDER BY "createdAt" DESC, "id" DESC LIMIT ?`;
const PG_AFTER = `SELECT ${PG_COLUMNS} FROM "Customer" WHERE "ownerId" = ? AND ("createdAt" < ? OR ("createdAt" = ? AND "id" < ?))
  ORDER BY "createdAt" DESC, "id" DESC LIMIT ?`;

async function pgPage(ownerId: string, input: PageInput): Promise<Page<CustomerView>> {
  let rows: CustomerView[];
  if (input.cursor === undefined) {
    rows = await pgRows<CustomerView>("latch_customers_first_page", PG_FIRST_PAGE, [ownerId, input.limit + 1]);
  } else {
    const { createdAt, id } = decodeCursor(input.cursor);
    const at = sqliteDate(createdAt);
    rows = await pgRows<CustomerView>("latch_customers_after", PG_AFTER, [ownerId, at, at, id, input.limit + 1]);
  }
  return toPage(rows, input.limit, (row) => row);
}

/** What list_customers answers: the page as JSON on SQLite (see above), else as records. */
export async function listCustomersAnswer(ownerId: string, input: PageInput): Promise<Page<CustomerView> | JsonText> {
  if (config().databaseProvider !== "sqlite") return pgPage(ownerId, input);
  return sqlitePage(ownerId, input) ?? listCustomers(ownerId, input);
}
