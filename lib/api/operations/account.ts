import "server-only";
import { defineOperation } from "@/lib/api/operation";
import { whoamiInput, whoamiSchema } from "@/lib/commerce/schemas";
import { describePrincipal } from "@/lib/resource/describe-principal";

export const accountOperations = [
  defineOperation({
    name: "whoami",
    title: "Who am I",
    method: "GET",
    path: "/me",
    permission: "account.retrieve",
    description:
      "The account this token acts for, its client, when it expires, and the permissions it has right now. Use it to learn what you are allowed to do.",
    input: whoamiInput,
    output: whoamiSchema,
    run: (_input, principal) => describePrincipal(principal),
  }),
];
