// The commerce API's inputs and outputs, defined once and used three times:
// to validate API requests and MCP tool arguments, to generate the OpenAPI
// document, and as the MCP tools' input schemas. Field descriptions are what
// an AI agent reads, so they say what a value means and what is allowed.
import { z } from "zod";
import { hasNoControlCharacters } from "@/lib/validation/control-characters";

// ---------------------------------------------------------------- shared

const objectId = (what: string) =>
  z
    .string({ message: `Give the ${what} id` })
    .trim()
    .min(1, `Give the ${what} id`)
    .max(64, `The ${what} id is too long`)
    .refine(hasNoControlCharacters, `The ${what} id cannot contain control characters`)
    .describe(`The ${what}'s id.`);

export const PAGE_LIMIT_MAX = 100;
export const PAGE_LIMIT_DEFAULT = 25;

/** `limit` and `cursor`; numbers may come as strings from a query string. */
const pageFields = {
  limit: z.coerce
    .number({ message: "limit must be a number" })
    .int("limit must be a whole number")
    .min(1, "limit must be at least 1")
    .max(PAGE_LIMIT_MAX, `limit must be at most ${PAGE_LIMIT_MAX}`)
    .default(PAGE_LIMIT_DEFAULT)
    .describe(`How many items to return, 1-${PAGE_LIMIT_MAX} (default ${PAGE_LIMIT_DEFAULT}).`),
  cursor: z
    .string()
    .min(1)
    .max(200, "The cursor is invalid")
    .optional()
    .describe("The nextCursor of the previous page, to fetch the page after it. Omit for the first page."),
};

const timestamp = z.iso.datetime().describe("ISO 8601 date and time (UTC).");

export const errorSchema = z.object({
  error: z.object({
    code: z.string().describe("Machine-readable: invalid_request, invalid_token, insufficient_scope, not_found, conflict, ..."),
    message: z.string().describe("A sentence a person can read."),
    fields: z.record(z.string(), z.array(z.string())).optional().describe("Per-field messages for invalid input."),
    permission: z.string().optional().describe("For insufficient_scope: the permission the operation needs."),
  }),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    data: z.array(item),
    nextCursor: z.string().nullable().describe("Pass as cursor to get the next page; null on the last page."),
  });
}

export const deletedSchema = z.object({ id: z.string(), deleted: z.literal(true) });

// ---------------------------------------------------------------- customers

const customerFields = {
  email: z.email("Enter a valid email address").max(254).describe("The customer's email address."),
  name: z
    .string({ message: "Give the customer a name" })
    .trim()
    .min(1, "Give the customer a name")
    .max(200, "The name is too long")
    .refine(hasNoControlCharacters, "The name cannot contain control characters")
    .describe("Full name."),
  phone: z
    .string({ message: "The phone number must be text" })
    .trim()
    .min(1, "The phone number cannot be empty; send null for none")
    .max(40, "The phone number is too long")
    .refine(hasNoControlCharacters, "The phone number cannot contain control characters")
    .nullable()
    .optional()
    .describe("Phone number, or null."),
};

export const listCustomersInput = z.strictObject({ ...pageFields });
export const getCustomerInput = z.strictObject({ id: objectId("customer") });
export const createCustomerInput = z.strictObject(customerFields);
export const updateCustomerInput = z
  .strictObject({
    id: objectId("customer"),
    email: customerFields.email.optional(),
    name: customerFields.name.optional(),
    phone: customerFields.phone,
  })
  .refine((v) => v.email !== undefined || v.name !== undefined || v.phone !== undefined, {
    message: "Give at least one of email, name or phone to change",
  });
export const deleteCustomerInput = getCustomerInput;

export const customerSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

// ---------------------------------------------------------------- products

const productFields = {
  name: z
    .string({ message: "Give the product a name" })
    .trim()
    .min(1, "Give the product a name")
    .max(200, "The name is too long")
    .refine(hasNoControlCharacters, "The name cannot contain control characters")
    .describe("Product name."),
  sku: z
    .string({ message: "The SKU must be text" })
    .trim()
    .min(1, "The SKU cannot be empty")
    .max(64, "The SKU is too long")
    .refine(hasNoControlCharacters, "The SKU cannot contain control characters")
    .nullable()
    .optional()
    .describe("Stock keeping unit, or null."),
  priceCents: z
    .number({ message: "Give priceCents, the price in cents, as a whole number" })
    .int("priceCents is a whole number of cents")
    .min(0, "The price cannot be negative")
    .max(100_000_000, "The price is too high")
    .describe("Price in the smallest currency unit (cents): 1999 means 19.99."),
  currency: z
    .string({ message: "Use a three-letter ISO 4217 code in capitals, such as USD" })
    .regex(/^[A-Z]{3}$/, "Use a three-letter ISO 4217 code in capitals, such as USD")
    .describe("ISO 4217 currency code, e.g. USD or EUR."),
  active: z.boolean({ message: "active must be true or false" }).describe("Whether the product can be sold. Inactive products cannot be added to new sales."),
};

export const listProductsInput = z.strictObject({
  ...pageFields,
  status: z.enum(["active", "inactive"]).optional().describe("Only active or only inactive products."),
});
export const getProductInput = z.strictObject({ id: objectId("product") });
export const createProductInput = z.strictObject({
  name: productFields.name,
  sku: productFields.sku,
  priceCents: productFields.priceCents,
  currency: productFields.currency.default("USD"),
  active: productFields.active.default(true),
});
export const updateProductInput = z
  .strictObject({
    id: objectId("product"),
    name: productFields.name.optional(),
    sku: productFields.sku,
    priceCents: productFields.priceCents.optional(),
    currency: productFields.currency.optional(),
    active: productFields.active.optional(),
  })
  .refine((v) => Object.entries(v).some(([key, value]) => key !== "id" && value !== undefined), {
    message: "Give at least one field to change",
  });
export const deleteProductInput = getProductInput;

export const productSchema = z.object({
  id: z.string(),
  name: z.string(),
  sku: z.string().nullable(),
  priceCents: z.number().int(),
  currency: z.string(),
  active: z.boolean(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

// ---------------------------------------------------------------- sales

export const SALE_STATUSES = ["open", "voided"] as const;
export const SALE_ITEMS_MAX = 50;

export const listSalesInput = z.strictObject({
  ...pageFields,
  customerId: objectId("customer").optional().describe("Only this customer's sales."),
  status: z.enum(SALE_STATUSES).optional().describe("Only open or only voided sales."),
});
export const getSaleInput = z.strictObject({ id: objectId("sale") });
export const createSaleInput = z.strictObject({
  customerId: objectId("customer").describe("The customer buying."),
  items: z
    .array(
      z.strictObject({
        productId: objectId("product"),
        quantity: z
          .number({ message: "quantity must be a number" })
          .int("quantity must be a whole number")
          .min(1, "quantity must be at least 1")
          .max(1000, "quantity must be at most 1000")
          .describe("How many units."),
      }),
      { message: "Give items: a list of { productId, quantity }" },
    )
    .min(1, "A sale needs at least one item")
    .max(SALE_ITEMS_MAX, `A sale has at most ${SALE_ITEMS_MAX} items`)
    .describe("Line items. Prices come from the products; all products must be active and share one currency."),
});
export const voidSaleInput = getSaleInput;

export const saleSchema = z.object({
  id: z.string(),
  customerId: z.string(),
  status: z.enum(SALE_STATUSES),
  totalCents: z.number().int(),
  currency: z.string(),
  voidedAt: timestamp.nullable(),
  createdAt: timestamp,
  items: z.array(
    z.object({ id: z.string(), productId: z.string(), quantity: z.number().int(), unitPriceCents: z.number().int() }),
  ),
});

// ---------------------------------------------------------------- account

export const whoamiInput = z.strictObject({});

export const whoamiSchema = z.object({
  owner: z.object({ id: z.string(), email: z.string() }),
  client: z.object({ id: z.string().describe("The public client_id."), name: z.string() }),
  token: z.object({
    id: z.string(),
    name: z.string(),
    createdVia: z.string(),
    scope: z.string().nullable(),
    audience: z.string().nullable(),
    expiresAt: timestamp.nullable(),
  }),
  permissions: z.array(z.string()).describe("The permissions this token has right now."),
});

export type CreateCustomerInput = z.output<typeof createCustomerInput>;
export type UpdateCustomerInput = z.output<typeof updateCustomerInput>;
export type CreateProductInput = z.output<typeof createProductInput>;
export type UpdateProductInput = z.output<typeof updateProductInput>;
export type ListProductsInput = z.output<typeof listProductsInput>;
export type ListSalesInput = z.output<typeof listSalesInput>;
export type CreateSaleInput = z.output<typeof createSaleInput>;
export type PageInput = { limit: number; cursor?: string | undefined };
