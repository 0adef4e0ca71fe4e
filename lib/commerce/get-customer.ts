import "server-only";
import { db } from "@/lib/db/prisma";
import { CUSTOMER_SELECT, type CustomerView } from "@/lib/commerce/customer-view";
import { notFound } from "@/lib/errors";

/** One of the owner's customers; another owner's customer is not found. */
export async function getCustomer(ownerId: string, id: string): Promise<CustomerView> {
  const customer = await db().customer.findFirst({ where: { id, ownerId }, select: CUSTOMER_SELECT });
  if (!customer) throw notFound("Customer not found");
  return customer;
}
