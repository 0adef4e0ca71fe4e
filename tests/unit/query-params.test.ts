import { describe, expect, it } from "vitest";
import { queryParams } from "@/lib/http/query-params";

describe("queryParams", () => {
  it("is null for a URL without a query", () => {
    expect(queryParams("https://latch.test/api/v1/customers")).toBeNull();
  });

  it("reads every parameter of a query, repeated ones and empty ones included", () => {
    expect([...queryParams("https://latch.test/api/v1/customers?limit=5&cursor=&limit=6")!]).toEqual([
      ["limit", "5"],
      ["cursor", ""],
      ["limit", "6"],
    ]);
    expect([...queryParams("https://latch.test/api/v1/customers?")!]).toEqual([]);
  });
});
