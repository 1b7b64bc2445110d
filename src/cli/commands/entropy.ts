import { EntropyDimension, EntropyMethod, EntropyResult, EntropyScopeResult, entropyWeights } from "../../engine/index/entropy";
import { listOption, numberOption, UsageError } from "../args";
import { Command } from "../command";
import { shown } from "../../engine/i18n/quote";
import { fmt, textTable } from "../format";
import { byGroup, columnList, keyed, numericColumns, readDataFile, warningLines } from "./indexCommon";

const METHODS: readonly EntropyMethod[] = ["shift", "compress", "none"];

/**
 * Parse `--dimensions "name:col1,col2;name2:col3"`.
 *
 * @example
 * parseDimensions("resources:ind01,ind02; output:ind03")
 * // [{ name: "resources", indicators: ["ind01", "ind02"] }, { name: "output", indicators: ["ind03"] }]
 */
export function parseDimensions(spec: string): EntropyDimension[] {
  const dims: EntropyDimension[] = [];
  for (const part of spec.split(";").map((s) => s.trim()).filter((s) => s.length > 0)) {
    const colon = part.indexOf(":");
    const name = colon < 0 ? "" : part.slice(0, colon).trim();
    const indicators = colon < 0 ? [] : listOption(part.slice(colon + 1));
    if (name === "" || indicators.length === 0) {
      throw new UsageError(`--dimensions: "${shown(part)}" is not of the form name:col1,col2 (dimensions separated by ";")`, `--dimensions：“${shown(part)}”不是 名称:列1,列2 的形式（各维度以“;”分隔）`);
    }
    if (dims.some((d) => d.name === name)) throw new UsageError(`--dimensions: dimension "${shown(name)}" is given twice`, `--dimensions：维度“${shown(name)}”重复给出`);
    dims.push({ name, indicators });
  }
  if (dims.length === 0) throw new UsageError("--dimensions is empty", "--dimensions 为空");
  return dims;
}

/** `citypanel entropy` — entropy-weight method (docs/cli.md). */
export const entropyCommand: Command = {
  name: "entropy",
  summary: "entropy-weight composite index: weights, entropies, the index per row",
  usage: "citypanel entropy FILE --cols C1,…,Cm [--negative Ck,…] [--by G] [--method shift|compress|none] [--shift 0.0001] [--epsilon 0.002] [--dimensions \"name:C1,C2;name2:C3\"] [--sheet NAME] [--json]",
  needsFile: true,
  options: {
    cols: { type: "string", help: "indicator columns, comma-separated" },
    negative: { type: "string", help: "negative-direction (cost) indicators among --cols" },
    by: { type: "string", help: "weights within each group (e.g. year) instead of pooled" },
    method: { type: "string", help: "how to avoid ln 0: shift (default), compress or none (0·ln0 = 0)" },
    shift: { type: "string", help: "δ added after min–max for --method shift (default 0.0001)" },
    epsilon: { type: "string", help: "ε for --method compress: x″ = (1 − 2ε)x′ + ε (default 0.002)" },
    dimensions: { type: "string", help: "named groups of indicators, e.g. \"resources:ind01,ind02;output:ind03\"; reports each group's weight" },
    "index-shifted": { type: "boolean", help: "index from the shifted values Σ w·x″ (default: Σ w·x′, before the shift)" },
    sheet: { type: "string", help: "worksheet of an .xlsx file (default: the first)" },
  },
  async run(args) {
    const v = args.values;
    const cols = columnList(args, "cols");
    const method = (typeof v.method === "string" ? v.method.trim() : "shift") as EntropyMethod;
    if (!METHODS.includes(method)) throw new UsageError(`--method must be shift, compress or none, got "${shown(v.method)}"`, `--method 必须为 shift、compress 或 none，实际为“${shown(v.method)}”`);
    if (v.shift !== undefined && method !== "shift") throw new UsageError("--shift applies to --method shift (use --epsilon with compress)", "--shift 仅用于 --method shift（compress 请用 --epsilon）");
    if (v.epsilon !== undefined && method !== "compress") throw new UsageError("--epsilon applies to --method compress", "--epsilon 仅用于 --method compress");
    const dimensions = typeof v.dimensions === "string" ? parseDimensions(v.dimensions) : undefined;
    const table = await readDataFile(args, cols);
    const r = entropyWeights(numericColumns(table, cols), {
      negative: listOption(v.negative),
      method,
      shift: numberOption(v, "shift", 0.0001),
      epsilon: numberOption(v, "epsilon", 0.002),
      by: byGroup(table, args),
      dimensions,
      indexOnTransformed: v["index-shifted"] === true,
    });
    return { json: entropyJson(r, typeof v.by === "string" ? v.by.trim() : undefined), text: entropyText(r) };
  },
};

/** The JSON of docs/cli.md (plus min, max, k, directions, dimensions, warnings). */
export function entropyJson(r: EntropyResult, by?: string): Record<string, unknown> {
  const names = r.indicators;
  const per = (f: (s: EntropyScopeResult) => unknown) =>
    by === undefined ? f(r.scopes[0]) : Object.fromEntries(r.scopes.map((s) => [s.level as string, f(s)]));
  const out: Record<string, unknown> = {
    command: "entropy",
    nobs: r.nobs,
    weights: per((s) => keyed(names, s.weights)),
    entropy: per((s) => keyed(names, s.entropy)),
    divergence: per((s) => keyed(names, s.divergence)),
    index: r.index,
    constant: r.constant,
    method: r.method,
    [r.method === "compress" ? "epsilon" : "shift"]: r.parameter,
    index_base: r.indexOnTransformed ? (r.method === "none" ? "unshifted" : r.method === "shift" ? "shifted" : "compressed") : "unshifted",
    k: per((s) => s.k),
    min: per((s) => keyed(names, s.min)),
    max: per((s) => keyed(names, s.max)),
    direction: keyed(names, Array.from(r.directions, (d) => (d < 0 ? "negative" : "positive"))),
    warnings: r.warnings.map((w) => w.en),
  };
  if (by !== undefined) {
    out.by = by;
    out.nobs_by_group = per((s) => s.nobs);
  }
  if (r.dimensions.length > 0) {
    out.dimensions = per((s) => keyed(r.dimensions.map((d) => d.name), s.dimensionWeights));
  }
  return out;
}

const pct = (w: number) => fmt(100 * w, 4);

/** One Table-1-style weights table for one scope. */
function scopeTable(r: EntropyResult, s: EntropyScopeResult): string {
  const header = ["indicator", "direction", "min", "max", "entropy e", "divergence d", "weight %"];
  const row = (j: number) => [
    r.indicators[j], r.directions[j] < 0 ? "−" : "+", fmt(s.min[j]), fmt(s.max[j]), fmt(s.entropy[j]), fmt(s.divergence[j]), pct(s.weights[j]),
  ];
  const rows: string[][] = [header];
  if (r.dimensions.length === 0) {
    for (let j = 0; j < r.indicators.length; j++) rows.push(row(j));
  } else {
    const placed = new Set<string>();
    r.dimensions.forEach((d, k) => {
      rows.push([`${d.name} (total)`, "", "", "", "", "", pct(s.dimensionWeights[k])]);
      for (const name of d.indicators) { rows.push(row(r.indicators.indexOf(name)).map((c, i) => (i === 0 ? `  ${c}` : c))); placed.add(name); }
    });
    const rest = r.indicators.filter((n) => !placed.has(n));
    if (rest.length > 0) {
      rows.push(["(no dimension)", "", "", "", "", "", pct(rest.reduce((a, n) => a + s.weights[r.indicators.indexOf(n)], 0))]);
      for (const name of rest) rows.push(row(r.indicators.indexOf(name)).map((c, i) => (i === 0 ? `  ${c}` : c)));
    }
  }
  rows.push(["total", "", "", "", "", "", pct(s.weights.reduce((a, w) => a + w, 0))]);
  return textTable(rows);
}

export function entropyText(r: EntropyResult): string {
  const how = r.method === "shift" ? `shift δ = ${r.parameter}` : r.method === "compress" ? `compress ε = ${r.parameter}` : "no shift (0·ln 0 = 0)";
  const lines = [`Entropy weights   ${r.indicators.length} indicators   N = ${r.nobs}   ${how}`];
  for (const s of r.scopes) {
    lines.push("");
    lines.push(s.level === null ? `pooled over ${s.nobs} rows, k = 1/ln(${s.nobs}) = ${fmt(s.k, 8)}` : `group ${s.level}: ${s.nobs} rows, k = ${fmt(s.k, 8)}`);
    lines.push(scopeTable(r, s));
  }
  lines.push(`${r.indexOnTransformed ? "index = Σ w·x″ (transformed values)" : "index = Σ w·x′ (direction-aware min–max value before the shift)"}; per-row values: use --json`);
  if (r.constant.length > 0) lines.push(`constant indicators (weight 0): ${r.constant.join(", ")}`);
  lines.push(...warningLines(r.warnings));
  return lines.join("\n");
}
