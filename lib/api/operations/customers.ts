import "server-only";
import { defineOperation } from "@/lib/api/operation";
import { createCustomer } from "@/lib/commerce/create-customer";
import { deleteCustomer } from "@/lib/commerce/delete-customer";
import { getCustomer } from "@/lib/commerce/get-customer";
import { listCustomersAnswer } from "@/lib/commerce/list-customers";
import { updateCustomer } from "@/lib/commerce/update-customer";
import {
  createCustomerInput,
  customerSchema,
  deleteCustomerInput,
  deletedSchema,
  getCustomerInput,
  listCustomersInput,
  pageOf,
  updateCustomerInput,
} from "@/lib/commerce/schemas";

export const customerOperations = [
  defineOperation({
    name: "list_customers",
    title: "List customers",
    method: "GET",
    path: "/customers",
    permission: "customer.list",
    description: "List the account's customers, newest first, one page at a time.",
    input: listCustomersInput,
    output: pageOf(customerSchema),
    run: (input, principal) => listCustomersAnswer(principal.ownerId, input),
  }),
  defineOperation({
    name: "get_customer",
    title: "Get a customer",
    method: "GET",
    path: "/customers/{id}",
    permission: "customer.retrieve",
    description: "Retrieve one customer by id.",
    input: getCustomerInput,
    output: customerSchema,
    run: (input, principal) => getCustomer(principal.ownerId, input.id),
  }),
  defineOperation({
    name: "create_customer",
    title: "Create a customer",
    method: "POST",
    path: "/customers",
    permission: "customer.create",
    description:
      "Add a new customer. Only when the user asked for it; check list_customers first so you do not create a duplicate.",
    input: createCustomerInput,
    output: customerSchema,
    run: (input, principal) => createCustomer(principal.ownerId, input),
  }),
  defineOperation({
    name: "update_customer",
    title: "Update a customer",
    method: "PATCH",
    path: "/customers/{id}",
    permission: "customer.edit",
    description: "Change a customer's email, name or phone. Send only the fields the user asked to change.",
    input: updateCustomerInput,
    output: customerSchema,
    run: (input, principal) => updateCustomer(principal.ownerId, input),
  }),
  defineOperation({
    name: "delete_customer",
    title: "Delete a customer",
    method: "DELETE",
    path: "/customers/{id}",
    permission: "customer.delete",
    description:
      "Permanently delete a customer who has no sales. This cannot be undone: show the user which customer it is and ask them to confirm before calling.",
    input: deleteCustomerInput,
    output: deletedSchema,
    run: (input, principal) => deleteCustomer(principal.ownerId, input.id),
  }),
];
