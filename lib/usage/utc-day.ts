// The UTC day of a time, as usage is counted by: "2026-11-30". Pure, so it is unit-tested.

export const DAY_MS = 86_400_000;
/** The day last written out: every counted request asks for the same one. */
let lastDay = { number: Number.NaN, text: "" };

/** The UTC day of `at` ("YYYY-MM-DD"); written out once per day rather than once per call. */
export function utcDay(at: Date): string {
  const number = Math.floor(at.getTime() / DAY_MS);
  if (number !== lastDay.number) lastDay = { number, text: at.toISOString().slice(0, 10) };
  return lastDay.text;
}
