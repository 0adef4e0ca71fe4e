import { describe, expect, it } from "vitest";
import { mergeOwnChanges } from "@/lib/forms/own-changes";

describe("mergeOwnChanges", () => {
  it("takes the page's list as it is, order included, when nothing else changed it", () => {
    expect(mergeOwnChanges(["a", "b"], ["a", "b"], ["b", "c", "a"])).toEqual(["b", "c", "a"]);
  });

  it("applies only the page's removals and additions to a list saved elsewhere since", () => {
    // Elsewhere: b removed, d added. Here: a removed, c added, b still shown.
    expect(mergeOwnChanges(["a", "d"], ["a", "b"], ["b", "c"])).toEqual(["d", "c"]);
    // Added on both sides: once.
    expect(mergeOwnChanges(["a", "c"], ["a"], ["a", "c"])).toEqual(["a", "c"]);
  });
});
