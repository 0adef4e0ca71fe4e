import "server-only";
import { defineOperation } from "@/lib/api/operation";
import { createSale } from "@/lib/commerce/create-sale";
import { getSale } from "@/lib/commerce/get-sale";
import { listSales } from "@/lib/commerce/list-sales";
import { voidSale } from "@/lib/commerce/void-sale";
import { createSaleInput, getSaleInput, listSalesInput, pageOf, saleSchema, voidSaleInput } from "@/lib/commerce/schemas";

export const saleOperations = [
  defineOperation({
    name: "list_sales",
    title: "List sales",
    method: "GET",
    path: "/sales",
    permission: "sale.list",
    description: "List sales with their line items, newest first, optionally for one customer or one status.",
    input: listSalesInput,
    output: pageOf(saleSchema),
    run: (input, principal) => listSales(principal.ownerId, input),
  }),
  defineOperation({
    name: "get_sale",
    title: "Get a sale",
    method: "GET",
    path: "/sales/{id}",
    permission: "sale.retrieve",
    description: "Retrieve one sale with its line items and total.",
    input: getSaleInput,
    output: saleSchema,
    run: (input, principal) => getSale(principal.ownerId, input.id),
  }),
  defineOperation({
    name: "create_sale",
    title: "Create a sale",
    method: "POST",
    path: "/sales",
    permission: "sale.create",
    description:
      "Record a sale of products to a customer; prices and the total come from the products. It does not charge anyone. Confirm the customer and the items with the user before creating it, and never create a sale to test something.",
    input: createSaleInput,
    output: saleSchema,
    notFound: "The customer or a product does not exist (or is another account's); error.fields names which",
    run: (input, principal) => createSale(principal.ownerId, input),
  }),
  defineOperation({
    name: "void_sale",
    title: "Void a sale",
    method: "POST",
    path: "/sales/{id}/void",
    permission: "sale.void",
    description:
      "Void an open sale so it can no longer be collected. A void is permanent and cannot be undone: show the user the sale (customer and total) and ask them to confirm before calling. Never void a sale the user did not explicitly ask to void.",
    input: voidSaleInput,
    output: saleSchema,
    status: 200,
    idempotent: true,
    run: (input, principal) => voidSale(principal.ownerId, input.id),
  }),
];
