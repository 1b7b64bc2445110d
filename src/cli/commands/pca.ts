import { pcaIndex, PcaResult } from "../../engine/index/pca";
import { listOption } from "../args";
import { Command } from "../command";
import { fmt, textTable } from "../format";
import { columnList, numericColumns, readDataFile, warningLines } from "./indexCommon";

/** `citypanel pca` — principal-component composite index (docs/cli.md). */
export const pcaCommand: Command = {
  name: "pca",
  summary: "principal-component composite index (Kaiser components weighted by eigenvalue), KMO, Bartlett",
  usage: "citypanel pca FILE --cols C1,…,Cm [--negative Ck,…] [--first] [--sheet NAME] [--json]",
  needsFile: true,
  options: {
    cols: { type: "string", help: "indicator columns, comma-separated" },
    negative: { type: "string", help: "negative-direction indicators (multiplied by −1)" },
    first: { type: "boolean", help: "index = first component only (default: components with eigenvalue > 1)" },
    sheet: { type: "string", help: "worksheet of an .xlsx file (default: the first)" },
  },
  async run(args) {
    const cols = columnList(args, "cols", 2);
    const table = await readDataFile(args, cols);
    const r = pcaIndex(numericColumns(table, cols), {
      negative: listOption(args.values.negative),
      components: args.values.first === true ? "first" : "kaiser",
    });
    return { json: pcaJson(r), text: pcaText(r) };
  },
};

/** Loadings (unit eigenvector entries) of indicator j on every component. */
const loadingsOf = (r: PcaResult, j: number): number[] => {
  const p = r.indicators.length;
  return Array.from({ length: p }, (_, k) => r.vectors[k * p + j]);
};

export function pcaJson(r: PcaResult): Record<string, unknown> {
  return {
    command: "pca",
    nobs: r.nobs,
    eigenvalues: r.eigenvalues,
    explained: r.explained,
    retained: r.retained,
    loadings: Object.fromEntries(r.indicators.map((n, j) => [n, loadingsOf(r, j)])),
    index: r.index,
    pc1: r.pc1,
    cumulative: r.cumulative,
    component_weights: r.componentWeights,
    kmo: r.kmo,
    msa: Object.fromEntries(r.indicators.map((n, j) => [n, r.msa[j]])),
    bartlett_chi2: r.bartlett.chi2,
    bartlett_df: r.bartlett.df,
    bartlett_p: r.bartlett.p,
    direction: Object.fromEntries(r.indicators.map((n, j) => [n, r.directions[j] < 0 ? "negative" : "positive"])),
    warnings: r.warnings.map((w) => w.en),
  };
}

export function pcaText(r: PcaResult): string {
  const p = r.indicators.length;
  const eig = [["component", "eigenvalue", "explained %", "cumulative %"],
    ...Array.from(r.eigenvalues, (l, k) => [`PC${k + 1}${k < r.retained ? " *" : ""}`, fmt(l), fmt(100 * r.explained[k], 4), fmt(100 * r.cumulative[k], 4)])];
  const load = [["indicator", "direction", ...Array.from({ length: r.retained }, (_, k) => `PC${k + 1}`)],
    ...r.indicators.map((n, j) => [n, r.directions[j] < 0 ? "−" : "+", ...Array.from({ length: r.retained }, (_, k) => fmt(r.vectors[k * p + j]))])];
  const lines = [
    `PCA index   ${p} indicators   N = ${r.nobs}   retained components: ${r.retained} (* below)`,
    textTable(eig),
    "loadings (unit eigenvectors; sign: each sums to > 0)",
    textTable(load),
    `index = ${Array.from(r.componentWeights, (w, k) => `${fmt(w, 4)}·PC${k + 1}`).join(" + ")}`,
    `KMO = ${fmt(r.kmo, 4)}   Bartlett χ²(${r.bartlett.df}) = ${fmt(r.bartlett.chi2, 3)}   p = ${fmt(r.bartlett.p, 4)}`,
    "per-row values (index, pc1): use --json",
    ...warningLines(r.warnings),
  ];
  return lines.join("\n");
}
