-- SQLite only. Each customer's record as the API lists it, computed by
-- SQLite on every insert and update (Latch's or anyone's) and kept in an
-- index of the list's order, so a page of /api/v1/customers is read from
-- this index alone. The expression is RECORD of lib/commerce/list-customers.ts:
-- SQLite reads a stored expression only for a statement with the same one,
-- and a test holds the page statements to this index. NULL for a customer
-- whose times are not stored exactly as Prisma stores them, or whose text
-- columns hold something else (that page then comes from Prisma). Whatever
-- writes Customer needs SQLite's JSON and date functions (SQLite 3.38 or
-- later), and a record keeps the JSON of the SQLite that wrote it.
CREATE INDEX "Customer_ownerId_createdAt_id_record_idx" ON "Customer"("ownerId", "createdAt", "id", (CASE WHEN typeof("id") = 'text' AND typeof("email") = 'text' AND typeof("name") = 'text' AND typeof("phone") IN ('text', 'null')
  AND "createdAt" GLOB '[0-9][0-9][0-9][0-9]-*' AND "createdAt" = strftime('%Y-%m-%dT%H:%M:%f+00:00', julianday("createdAt")) AND "updatedAt" GLOB '[0-9][0-9][0-9][0-9]-*' AND "updatedAt" = strftime('%Y-%m-%dT%H:%M:%f+00:00', julianday("updatedAt"))
  THEN json_object('id', "id", 'email', "email", 'name', "name", 'phone', "phone",
    'createdAt', substr("createdAt", 1, 23) || 'Z', 'updatedAt', substr("updatedAt", 1, 23) || 'Z') END));
