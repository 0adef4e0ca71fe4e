// The bench's table, as Markdown so it reads in a terminal and pastes into
// the README as it is.
const number = (n, digits = 0) =>
  n === null || n === undefined ? "" : n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const ratio = (r) => (r === null || r === undefined ? "" : `${r.toFixed(2)}×`);

export function renderTable(report) {
  const { machine, settings, tables, peakRssMb } = report;
  const lines = [
    `Machine: ${machine.cores} × ${machine.cpu}, ${machine.memoryGb} GB, ${machine.os}, Node ${machine.node} (load average at start ${machine.loadAverageAtStart.join(" ")})`,
    `Database: ${settings.database}; ${number(tables.big)} access tokens (one owner holds ${number(tables.heavyOwnerTokens)} more than the mixed 100,000), small table ${number(tables.small)}${
      tables.bearerSamples ? `; bearer tokens in use ${number(tables.bearerSamples.big)} and ${number(tables.bearerSamples.small)}` : ""
    }`,
    `Load: autocannon, ${settings.connections} connections, ${settings.rounds} rounds of ${settings.duration} s per target after a ${settings.warmup} s warm-up; medians of the rounds`,
    "",
    "| Scenario | req/s | p50 ms | p99 ms | server CPU µs/req | errors | × baseline | × node-oidc-provider |",
    "|---|--:|--:|--:|--:|--:|--:|--:|",
  ];
  for (const row of report.scenarios) {
    if (row.status !== "measured") {
      lines.push(`| ${row.label.trim()} | ${row.status} (${row.reason}) | | | | ${row.status === "failed" ? row.failed : ""} | | |`);
      continue;
    }
    lines.push(
      `| ${row.label.trim()} | ${number(row.rps)} | ${number(row.p50)} | ${number(row.p99)} | ${number(row.cpuUs)} | ${number(row.failed)} | ${ratio(row.vsBaseline)} | ${ratio(row.vsReference)} |`,
    );
  }
  lines.push("", `Peak memory (VmHWM): Latch ${peakRssMb.latch ?? "?"} MB, node-oidc-provider ${peakRssMb.oidc ?? "?"} MB`, "", "Targets:");
  for (const target of report.targets) {
    const mark = target.met === null ? "–" : target.met ? "✓" : "✗";
    const value = target.ratio !== null ? `${target.ratio.toFixed(2)}×` : target.value !== undefined && target.value !== null ? String(target.value) : "not measured";
    lines.push(`  ${mark} ${target.label}: ${value}`);
  }
  const notes = report.scenarios.flatMap((row) => row.notes.map((note) => `  ${row.id}: ${note}`));
  if (notes.length) lines.push("", "Notes:", ...notes);
  return lines.join("\n");
}
