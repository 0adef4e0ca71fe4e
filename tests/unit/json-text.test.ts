import { describe, expect, it } from "vitest";
import { jsonText, withJsonMember } from "@/lib/http/json-text";

class Money {
  constructor(readonly cents: number) {}
  toJSON() {
    return `${(this.cents / 100).toFixed(2)} EUR`;
  }
}

describe("jsonText", () => {
  const at = new Date("2026-11-29T12:34:56.789Z");
  const values: [string, unknown][] = [
    ["a page of records with dates", { data: [{ id: "c1", createdAt: at, updatedAt: at, phone: null }], nextCursor: null }],
    ["a date at the top", at],
    ["an invalid date", { expiresAt: new Date(Number.NaN) }],
    ["undefined fields and array holes", { a: undefined, b: [undefined, at, () => 1], c: "x" }],
    ["objects with their own toJSON", { price: new Money(1250), custom: { toJSON: () => "custom" }, when: at }],
    ["deep nesting", { a: { b: { c: [{ d: at }, [at, 1, "s"]] } } }],
    ["nothing to convert", { permissions: ["customer.list", "sale.void"], n: 3, ok: true }],
    ["an object without a prototype", Object.assign(Object.create(null) as object, { when: at })],
  ];

  it.each(values)("writes %s as JSON.stringify does", (_name, value) => {
    expect(jsonText(value)).toBe(JSON.stringify(value));
    expect(jsonText(value, 2)).toBe(JSON.stringify(value, null, 2));
  });

  it("leaves its input as it was", () => {
    const record = { createdAt: at, tags: [at] };
    jsonText(record);
    expect(record.createdAt).toBe(at);
    expect(record.tags[0]).toBe(at);
  });
});

describe("withJsonMember", () => {
  it("writes what JSON.stringify writes for the object with that member added last", () => {
    const list = ["customer.list", "sale.void"];
    for (const object of [{}, { active: true }, { a: "}", b: { c: [1, "{}"] } }]) {
      expect(withJsonMember(JSON.stringify(object), "permissions", JSON.stringify(list))).toBe(JSON.stringify({ ...object, permissions: list }));
    }
    expect(withJsonMember("{}", 'odd "name"', "null")).toBe(JSON.stringify({ 'odd "name"': null }));
  });
});
