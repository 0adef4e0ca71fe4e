import "server-only";
import { defineOperation } from "@/lib/api/operation";
import { createProduct } from "@/lib/commerce/create-product";
import { deleteProduct } from "@/lib/commerce/delete-product";
import { getProduct } from "@/lib/commerce/get-product";
import { listProducts } from "@/lib/commerce/list-products";
import { updateProduct } from "@/lib/commerce/update-product";
import {
  createProductInput,
  deletedSchema,
  deleteProductInput,
  getProductInput,
  listProductsInput,
  pageOf,
  productSchema,
  updateProductInput,
} from "@/lib/commerce/schemas";

export const productOperations = [
  defineOperation({
    name: "list_products",
    title: "List products",
    method: "GET",
    path: "/products",
    permission: "product.list",
    description: "List the account's products with their prices, newest first, one page at a time.",
    input: listProductsInput,
    output: pageOf(productSchema),
    run: (input, principal) => listProducts(principal.ownerId, input),
  }),
  defineOperation({
    name: "get_product",
    title: "Get a product",
    method: "GET",
    path: "/products/{id}",
    permission: "product.retrieve",
    description: "Retrieve one product by id.",
    input: getProductInput,
    output: productSchema,
    run: (input, principal) => getProduct(principal.ownerId, input.id),
  }),
  defineOperation({
    name: "create_product",
    title: "Create a product",
    method: "POST",
    path: "/products",
    permission: "product.create",
    description: "Add a product to the catalogue. Only when the user asked for it; prices are in cents.",
    input: createProductInput,
    output: productSchema,
    run: (input, principal) => createProduct(principal.ownerId, input),
  }),
  defineOperation({
    name: "update_product",
    title: "Update a product",
    method: "PATCH",
    path: "/products/{id}",
    permission: "product.edit",
    description:
      "Change a product's name, SKU, price, currency or active flag. Send only the fields the user asked to change; sales already made keep their price.",
    input: updateProductInput,
    output: productSchema,
    run: (input, principal) => updateProduct(principal.ownerId, input),
  }),
  defineOperation({
    name: "delete_product",
    title: "Delete a product",
    method: "DELETE",
    path: "/products/{id}",
    permission: "product.delete",
    description:
      "Permanently delete a product that has never been sold. This cannot be undone: ask the user to confirm first. To stop selling a product, prefer update_product with active: false.",
    input: deleteProductInput,
    output: deletedSchema,
    run: (input, principal) => deleteProduct(principal.ownerId, input.id),
  }),
];
