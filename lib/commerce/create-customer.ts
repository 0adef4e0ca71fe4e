import "server-only";
import { db } from "@/lib/db/prisma";
import { CUSTOMER_SELECT, type CustomerView } from "@/lib/commerce/customer-view";
import type { CreateCustomerInput } from "@/lib/commerce/schemas";

export async function createCustomer(ownerId: string, input: CreateCustomerInput): Promise<CustomerView> {
  return db().customer.create({
    data: { ownerId, email: input.email, name: input.name, phone: input.phone ?? null },
    select: CUSTOMER_SELECT,
  });
}
