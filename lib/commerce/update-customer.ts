import "server-only";
import { db } from "@/lib/db/prisma";
import { CUSTOMER_SELECT, type CustomerView } from "@/lib/commerce/customer-view";
import type { UpdateCustomerInput } from "@/lib/commerce/schemas";
import { notFound } from "@/lib/errors";

/** Changes the given fields only; `phone: null` clears the phone number. */
export async function updateCustomer(ownerId: string, input: UpdateCustomerInput): Promise<CustomerView> {
  const { count } = await db().customer.updateMany({
    where: { id: input.id, ownerId },
    data: {
      ...(input.email !== undefined ? { email: input.email } : {}),
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.phone !== undefined ? { phone: input.phone } : {}),
    },
  });
  if (count === 0) throw notFound("Customer not found");
  const customer = await db().customer.findFirst({ where: { id: input.id, ownerId }, select: CUSTOMER_SELECT });
  if (!customer) throw notFound("Customer not found");
  return customer;
}
