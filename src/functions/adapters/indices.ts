import { isMissingCell } from "../../engine/data/cell";
import { valueError } from "../../engine/errors";
import { Lang } from "../../engine/i18n/lang";
import { couplingCoordination } from "../../engine/index/coupling";
import { describeColumn, DETAIL_PERCENTILES } from "../../engine/index/describe";
import { DEFAULT_ENTROPY_SHIFT, EntropyDimension, entropyWeights } from "../../engine/index/entropy";
import { interactionTerm } from "../../engine/index/interaction";
import { locationQuotient } from "../../engine/index/locquot";
import { pcaIndex } from "../../engine/index/pca";
import { industrialStructureIndex, ShareScale } from "../../engine/index/ris";
import { winsorize } from "../../engine/index/winsor";
import { isOmitted, numberOption, rectangular, textOption } from "../cells";
import { label } from "../labels";
import { anyPresent, assertIdsWhereData, callRanges, cell, columnsSpill, flatCells, levelCell, outputOption, Spill } from "./common";

/*
 * Adapters of the index and data-preparation functions: cells → engine → spilled table.
 * Per-row outputs spill a header cell and one value per data row ("" where not computed).
 */

const DIRECTION_WORDS = new Map<string, number>([
  ["1", 1], ["+1", 1], ["+", 1], ["positive", 1], ["pos", 1], ["正", 1], ["正向", 1],
  ["-1", -1], ["-", -1], ["negative", -1], ["neg", -1], ["负", -1], ["负向", -1],
]);

/**
 * The negative-direction indicators from a `directions` argument: either one direction per
 * indicator (1 / -1, "+" / "-", "positive" / "negative") or the names of the negative ones
 * ("ind04,ind09" or a range of names).
 */
export function negativeIndicators(directions: unknown, names: readonly string[]): string[] {
  const cells = flatCells(directions).filter((c) => !isMissingCell(c));
  if (cells.length === 0) return [];
  const word = (c: unknown) => DIRECTION_WORDS.get(String(c).trim().toLowerCase());
  if (cells.length === names.length && cells.every((c) => word(c) !== undefined)) {
    return names.filter((_, j) => word(cells[j]) === -1);
  }
  const out: string[] = [];
  for (const c of cells) {
    if (typeof c !== "string") {
      throw valueError(
        `directions must give one direction per indicator (${names.length}: 1 / -1, "+" / "-") or the names of the negative indicators; got ${cells.length} value(s)`,
        `directions 必须为每个指标给出一个方向（共 ${names.length} 个：1 / -1、"+" / "-"），或列出负向指标的名称；实际给出 ${cells.length} 个值`,
      );
    }
    for (const part of c.split(/[,;，；、]/)) if (part.trim() !== "") out.push(part.trim());
  }
  return out;
}

/** Dimensions from one name per indicator column, in order of first appearance ("" = none). */
export function dimensionsOf(arg: unknown, names: readonly string[]): EntropyDimension[] {
  if (isOmitted(arg)) return [];
  const cells = flatCells(arg);
  if (cells.length !== names.length) {
    throw valueError(
      `dimensions must name one dimension per indicator column: ${names.length} indicators, ${cells.length} dimension cells`,
      `dimensions 必须为每个指标列指定一个维度：共 ${names.length} 个指标，却给出 ${cells.length} 个维度单元格`,
    );
  }
  const dims = new Map<string, string[]>();
  cells.forEach((c, j) => {
    if (isMissingCell(c) || c === 0) return;
    const d = String(c).trim();
    if (!dims.has(d)) dims.set(d, []);
    dims.get(d)!.push(names[j]);
  });
  return [...dims].map(([name, indicators]) => ({ name, indicators }));
}

/** =CITYPANEL.ENTROPYWEIGHTS(indicators, [directions], [groups], [output], [shift], [dimensions]) */
export function entropySpill(indicators: unknown, directions: unknown, groups: unknown, output: unknown, shift: unknown, dimensions: unknown, lang: Lang): Spill {
  const rs = callRanges(indicators, "indicators");
  const cols = rs.numeric(indicators, "indicators");
  const names = cols.map((c) => c.name);
  const by = rs.ids(groups, "groups");
  if (by.length > 1) throw valueError(`groups must be a single column, got ${by.length} columns`, `groups 必须是单列，实际有 ${by.length} 列`);
  assertIdsWhereData(by, "groups", anyPresent(cols), "indicators", rs.firstRow);
  const out = outputOption(textOption(output, "table"), ["table", "index", "dimensions", "percent"]);
  const dims = dimensionsOf(dimensions, names);
  if (out === "dimensions" && dims.length === 0) {
    throw valueError('output "dimensions" needs the dimensions argument (one dimension name per indicator)', 'output 为 "dimensions" 时需要提供 dimensions 参数（每个指标一个维度名称）');
  }
  const delta = numberOption(shift, DEFAULT_ENTROPY_SHIFT, "shift", { min: 0 });
  const r = entropyWeights(cols, {
    negative: negativeIndicators(directions, names),
    method: delta === 0 ? "none" : "shift", // δ = 0: plain min–max with 0·ln 0 = 0
    shift: delta,
    by: by[0],
    dimensions: dims,
  });
  if (out === "index") return columnsSpill([label("index", lang)], [r.index]);
  // Table 1's weight column: weights in percent, one row per indicator (per group), no header
  if (out === "percent") return r.scopes.flatMap((s) => r.indicators.map((_, j) => [cell(100 * s.weights[j])]));
  const grouped = by.length > 0;
  const rows: (string | number)[][] = [];
  if (out === "dimensions") {
    rows.push([...(grouped ? [label("group", lang)] : []), label("dimension", lang), label("weight", lang)]);
    for (const s of r.scopes) r.dimensions.forEach((d, k) => rows.push([...(grouped ? [levelCell(s.level)] : []), d.name, cell(s.dimensionWeights[k])]));
    return rectangular(rows);
  }
  const dimOf = new Map<string, string>();
  for (const d of r.dimensions) for (const n of d.indicators) dimOf.set(n, d.name);
  const withDims = r.dimensions.length > 0;
  rows.push([
    ...(grouped ? [label("group", lang)] : []), label("indicator", lang), ...(withDims ? [label("dimension", lang)] : []),
    label("min", lang), label("max", lang), label("entropy", lang), label("divergence", lang), label("weight", lang),
  ]);
  for (const s of r.scopes) {
    r.indicators.forEach((name, j) => rows.push([
      ...(grouped ? [levelCell(s.level)] : []), name, ...(withDims ? [dimOf.get(name) ?? ""] : []),
      cell(s.min[j]), cell(s.max[j]), cell(s.entropy[j]), cell(s.divergence[j]), cell(s.weights[j]),
    ]));
  }
  return rectangular(rows);
}

/** =CITYPANEL.PCAINDEX(indicators, [directions], [output], [components]) */
export function pcaSpill(indicators: unknown, directions: unknown, output: unknown, components: unknown, lang: Lang): Spill {
  const rs = callRanges(indicators, "indicators");
  const cols = rs.numeric(indicators, "indicators");
  const names = cols.map((c) => c.name);
  const out = outputOption(textOption(output, "index"), ["index", "pc1", "eigen", "loadings", "summary"]);
  const comp = outputOptionNamed("components", textOption(components, "kaiser"), ["kaiser", "first"]) as "kaiser" | "first";
  const r = pcaIndex(cols, { negative: negativeIndicators(directions, names), components: comp });
  const p = names.length;
  switch (out) {
    case "index": return columnsSpill([label("index", lang)], [r.index]);
    case "pc1": return columnsSpill([label("pc1", lang)], [r.pc1]);
    case "eigen": {
      const rows: (string | number)[][] = [[label("component", lang), label("eigenvalue", lang), label("explained", lang), label("cumulative", lang), label("weight", lang)]];
      for (let k = 0; k < r.eigenvalues.length; k++) {
        rows.push([`PC${k + 1}`, cell(r.eigenvalues[k]), cell(r.explained[k]), cell(r.cumulative[k]), k < r.retained ? cell(r.componentWeights[k]) : ""]);
      }
      return rectangular(rows);
    }
    case "loadings": {
      const rows: (string | number)[][] = [[label("indicator", lang), ...Array.from({ length: r.retained }, (_, k) => `PC${k + 1}`)]];
      names.forEach((n, j) => rows.push([n, ...Array.from({ length: r.retained }, (_, k) => cell(r.vectors[k * p + j]))]));
      return rectangular(rows);
    }
    default:
      return rectangular([
        [label("nobs", lang), r.nobs],
        [label("retained", lang), r.retained],
        [label("kmo", lang), cell(r.kmo)],
        [label("bartlettChi2", lang), cell(r.bartlett.chi2)],
        [label("bartlettDf", lang), cell(r.bartlett.df)],
        [label("bartlettP", lang), cell(r.bartlett.p)],
      ]);
  }
}

/** =CITYPANEL.LOCQUOT(numerator, denominator, [groups]) */
export function locquotSpill(numerator: unknown, denominator: unknown, groups: unknown, lang: Lang): Spill {
  const rs = callRanges(numerator, "numerator");
  const [num] = single(rs.numeric(numerator, "numerator"), "numerator");
  const [den] = single(rs.numeric(denominator, "denominator"), "denominator");
  const by = rs.ids(groups, "groups");
  if (by.length > 1) throw valueError(`groups must be a single column, got ${by.length} columns`, `groups 必须是单列，实际有 ${by.length} 列`);
  assertIdsWhereData(by, "groups", anyPresent([num, den]), "numerator/denominator", rs.firstRow);
  const r = locationQuotient(num, den, by[0]);
  return columnsSpill([label("lq", lang)], [r.lq]);
}

/** =CITYPANEL.INDSTRUCT(shares, [scale]) */
export function indstructSpill(shares: unknown, scale: unknown, lang: Lang): Spill {
  const rs = callRanges(shares, "shares");
  const cols = rs.numeric(shares, "shares");
  const sc = outputOptionNamed("scale", textOption(scale, "auto"), ["auto", "fraction", "percent"]) as ShareScale;
  const r = industrialStructureIndex(cols, { scale: sc });
  return columnsSpill([label("ris", lang)], [r.ris]);
}

/** =CITYPANEL.COUPLING(systems, [weights], [output]) */
export function couplingSpill(systems: unknown, weights: unknown, output: unknown, _lang: Lang): Spill {
  const rs = callRanges(systems, "systems");
  const cols = rs.numeric(systems, "systems");
  const out = outputOptionNamed("output", textOption(output, "d"), ["d", "c", "t", "all"]);
  const w = isOmitted(weights) ? undefined : flatCells(weights).map((c, j) => numberOption(c === "" || c === null ? "(empty)" : c, NaN, `weights${j + 1}`, { min: 0, max: 1 }));
  const r = couplingCoordination(cols, w);
  if (out === "all") return columnsSpill(["C", "T", "D"], [r.C, r.T, r.D]);
  const key = out.toUpperCase() as "C" | "T" | "D";
  return columnsSpill([key], [r[key]]);
}

/** =CITYPANEL.INTERACT(x, z, [center]) */
export function interactSpill(x: unknown, z: unknown, center: unknown, _lang: Lang): Spill {
  const rs = callRanges(x, "x");
  const [xc] = single(rs.numeric(x, "x"), "x");
  const zs = rs.numeric(z, "z");
  if (zs.length === 0) throw valueError("z is required: select the moderator column(s)", "z 为必填项：请选择调节变量所在列");
  const c = booleanOption(center, "center");
  const results = zs.map((zc) => interactionTerm(xc, zc, { center: c }));
  return columnsSpill(zs.map((zc) => `${xc.name}×${zc.name}`), results.map((r) => r.values));
}

/** =CITYPANEL.WINSOR(values, [lower], [upper], [groups], [method]) */
export function winsorSpill(values: unknown, lower: unknown, upper: unknown, groups: unknown, method: unknown, _lang: Lang): Spill {
  const rs = callRanges(values, "values");
  const cols = rs.numeric(values, "values");
  const by = rs.ids(groups, "groups");
  if (by.length > 1) throw valueError(`groups must be a single column, got ${by.length} columns`, `groups 必须是单列，实际有 ${by.length} 列`);
  assertIdsWhereData(by, "groups", anyPresent(cols), "values", rs.firstRow);
  const m = outputOptionNamed("method", textOption(method, "winsor"), ["winsor", "trim"]);
  const cuts: [number, number] = [numberOption(lower, 1, "lower", { min: 0, max: 100 }), numberOption(upper, 99, "upper", { min: 0, max: 100 })];
  const res = cols.map((c) => winsorize(c, { cuts, by: by[0], trim: m === "trim" }));
  return columnsSpill(cols.map((c) => c.name), res.map((r) => r.values));
}

/** =CITYPANEL.DESCSTATS(data, [detail]) */
export function descstatsSpill(data: unknown, detail: unknown, lang: Lang): Spill {
  const rs = callRanges(data, "data");
  const cols = rs.numeric(data, "data");
  // "values": only the numbers (N, mean, SD, min, max), to sit beside a table's own labels (Table 2)
  if (textOption(detail, "") === "values") {
    return cols.map((c) => { const s = describeColumn(c); return [s.n, cell(s.mean), cell(s.sd), cell(s.min), cell(s.max)]; });
  }
  const d = booleanOption(detail, "detail");
  const head: string[] = [label("variable", lang), label("nobs", lang), label("mean", lang), label("sd", lang), label("min", lang), label("max", lang)];
  if (d) head.push(...DETAIL_PERCENTILES.map((q) => `p${q}`), label("skewness", lang), label("kurtosis", lang));
  const rows: (string | number)[][] = [head];
  for (const c of cols) {
    const s = describeColumn(c, d ? { percentiles: DETAIL_PERCENTILES, moments: true } : {});
    const row: (string | number)[] = [c.name, s.n, cell(s.mean), cell(s.sd), cell(s.min), cell(s.max)];
    if (d) row.push(...DETAIL_PERCENTILES.map((q) => cell(s.percentiles?.get(q) ?? NaN)), cell(s.skewness ?? NaN), cell(s.kurtosis ?? NaN));
    rows.push(row);
  }
  return rectangular(rows);
}

function single<T>(cols: T[], argName: string): T[] {
  if (cols.length !== 1) {
    throw valueError(`${argName} must be a single column, got ${cols.length} columns`, `${argName} 必须是单列区域，实际有 ${cols.length} 列`);
  }
  return cols;
}

function outputOptionNamed(argName: string, word: string, allowed: readonly string[]): string {
  if (allowed.includes(word)) return word;
  const list = allowed.map((a) => `"${a}"`).join(", ");
  throw valueError(`${argName} must be one of ${list}, got "${word}"`, `${argName} 必须为 ${list} 之一，实际为 "${word}"`);
}

/** TRUE / FALSE, 1 / 0, or the option's own word ("center", "detail"). */
function booleanOption(v: unknown, word: string): boolean {
  if (isOmitted(v)) return false;
  const s = textOption(v, "");
  if (s === "true" || s === "1" || s === word || s === "yes") return true;
  if (s === "false" || s === "0" || s === "no") return false;
  throw valueError(`${word} must be TRUE, FALSE or "${word}", got "${s}"`, `${word} 必须为 TRUE、FALSE 或 "${word}"，实际为 "${s}"`);
}
