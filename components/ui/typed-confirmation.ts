/** Runs of white space as one space, none at the ends: HTML shows a name that way, so that is what the owner sees and types. */
function collapsed(text: string): string {
  return text.trim().replace(/\s+/g, " ");
}

/** Whether what the owner typed names the thing to delete, as the page shows its name. */
export function matchesTypedConfirmation(typed: string, expected: string): boolean {
  return collapsed(typed) === collapsed(expected);
}
