import { describe, expect, it } from "vitest";
import { matchesTypedConfirmation } from "@/components/ui/typed-confirmation";

describe("matchesTypedConfirmation", () => {
  it("takes the name as the page shows it: white space collapsed, none at the ends", () => {
    // "My  client" is shown as "My client"; the owner types or copies what they see.
    expect(matchesTypedConfirmation("My client", "My  client")).toBe(true);
    expect(matchesTypedConfirmation("  My client ", "My\tclient")).toBe(true);
    expect(matchesTypedConfirmation("Billing sync", "Billing sync")).toBe(true);
  });

  it("refuses anything else", () => {
    expect(matchesTypedConfirmation("", "My client")).toBe(false);
    expect(matchesTypedConfirmation("my client", "My client")).toBe(false);
    expect(matchesTypedConfirmation("Myclient", "My client")).toBe(false);
    expect(matchesTypedConfirmation("My client!", "My client")).toBe(false);
  });
});
