import { Lang } from "../../src/engine/i18n/lang";
import { Arg, Formula } from "../../src/engine/study/template/formulas";
import { RangeRef } from "../../src/engine/study/template/ranges";
import { StudyTemplate, TemplateCell } from "../../src/engine/study/template/studyTemplate";
import { feregSpill } from "../../src/functions/adapters/fereg";
import { iv2slsSpill } from "../../src/functions/adapters/iv2sls";
import { couplingSpill, descstatsSpill, entropySpill, indstructSpill, interactSpill, locquotSpill, pcaSpill, winsorSpill } from "../../src/functions/adapters/indices";

/**
 * A tiny spreadsheet for tests: literal data sheets plus a template's cells, where formula
 * cells are evaluated as Excel would with the CityPanel add-in loaded — the custom functions
 * through their adapters (the code the add-in runs), the plain-Excel column operations
 * element by element (errors as "#N/A" strings), every result spilling from its cell.
 */
type Grid = unknown[][];

export class TemplateEvaluator {
  private readonly literal = new Map<string, Map<string, unknown>>();
  private readonly formulas = new Map<string, TemplateCell[]>();
  private readonly spills = new Map<TemplateCell, Grid>();

  constructor(tpl: StudyTemplate, data: { sheet: string; rows: unknown[][] }, private readonly lang: Lang) {
    const d = new Map<string, unknown>();
    data.rows.forEach((row, i) => row.forEach((v, c) => d.set(`${i + 1},${c}`, v)));
    this.literal.set(data.sheet, d);
    for (const s of tpl.sheets) {
      const m = new Map<string, unknown>();
      const f: TemplateCell[] = [];
      for (const c of s.cells) {
        if (c.formula) f.push(c);
        else m.set(`${c.row},${c.col}`, c.value);
      }
      this.literal.set(s.name, m);
      this.formulas.set(s.name, f.sort((a, b) => b.col - a.col || b.row - a.row));
    }
  }

  /** The value of a cell (1-based row, 0-based column); "" when empty. */
  cell(sheet: string, row: number, col: number): unknown {
    const lit = this.literal.get(sheet)?.get(`${row},${col}`);
    if (lit !== undefined) return lit;
    for (const f of this.formulas.get(sheet) ?? []) {
      if (f.row > row || f.col > col) continue;
      const g = this.spill(f);
      const r = row - f.row;
      const c = col - f.col;
      if (r < g.length && c < g[r].length) return g[r][c];
    }
    return "";
  }

  /** What a formula cell spills (evaluated once). */
  spill(f: TemplateCell): Grid {
    let g = this.spills.get(f);
    if (!g) {
      g = this.evaluate(f.formula!);
      this.spills.set(f, g);
    }
    return g;
  }

  range(ref: RangeRef): Grid {
    const out: Grid = [];
    for (let r = ref.r0; r <= ref.r1; r++) {
      const row: unknown[] = [];
      for (let c = ref.c0; c <= ref.c1; c++) row.push(this.cell(ref.sheet, r, c));
      out.push(row);
    }
    return out;
  }

  private column(ref: RangeRef): unknown[] {
    return this.range(ref).map((r) => r[0]);
  }

  private arg(a: Arg | undefined): unknown {
    if (!a || a.kind === "omitted") return null;
    if (a.kind === "range") return this.range(a.ref);
    return a.value;
  }

  private evaluate(f: Formula): Grid {
    const err = (v: unknown) => typeof v === "string" && v.startsWith("#");
    const num2 = (a: unknown, b: unknown, op: (x: number, y: number) => number): unknown =>
      typeof a === "number" && typeof b === "number" ? op(a, b) : err(a) ? a : err(b) ? b : "#VALUE!";
    const col = (xs: unknown[]) => xs.map((x) => [x]);
    switch (f.kind) {
      case "copy": return col(this.column(f.from).map((v) => (v === "" || v === null ? "#N/A" : v)));
      case "ln": return col(this.column(f.from).map((v) => (typeof v === "number" ? (v > 0 ? Math.log(v) : "#NUM!") : "#N/A")));
      case "timesTrend": {
        const year = this.column(f.year);
        const first = Math.min(...year.filter((y): y is number => typeof y === "number"));
        return col(this.column(f.from).map((v, i) => num2(v, year[i], (x, y) => x * (y - first + 1))));
      }
      case "ratio": {
        const den = this.column(f.den);
        return col(this.column(f.num).map((v, i) => num2(v, den[i], (x, y) => (y === 0 ? NaN : (x / y) * f.scale))));
      }
      case "product": {
        const b = this.column(f.b);
        return col(this.column(f.a).map((v, i) => num2(v, b[i], (x, y) => x * y)));
      }
      case "groupCount": {
        const g = this.column(f.group);
        const y = this.column(f.year);
        const counts = new Map<string, number>();
        g.forEach((v, i) => { const k = `${v}|${y[i]}`; counts.set(k, (counts.get(k) ?? 0) + 1); });
        return col(g.map((v, i) => counts.get(`${v}|${y[i]}`)!));
      }
      case "text": return [[String(this.cell(f.from.sheet, f.from.r0, f.from.c0) ?? "")]];
      case "labelPercent": {
        const sum = this.column(f.sum).reduce((a: number, v) => a + (typeof v === "number" ? v : 0), 0);
        return [[`${this.cell(f.label.sheet, f.label.r0, f.label.c0)} (${sum.toFixed(4)}%)`]];
      }
      case "keepAbove": {
        const v = this.column(f.value);
        return col(this.column(f.test).map((x, i) => (typeof x === "number" && x > f.min ? v[i] : "#N/A")));
      }
      case "call": {
        const a = (k: number) => this.arg(f.args[k]);
        const L = this.lang;
        switch (f.fn) {
          case "FEREG": return feregSpill(a(0), a(1), a(2), a(3), a(4), a(5), L, undefined, a(6));
          case "IV2SLS": return iv2slsSpill(a(0), a(1), a(2), a(3), a(4), a(5), a(6), a(7), L, undefined, a(8));
          case "ENTROPYWEIGHTS": return entropySpill(a(0), a(1), a(2), a(3), a(4), a(5), L);
          case "PCAINDEX": return pcaSpill(a(0), a(1), a(2), a(3), L);
          case "LOCQUOT": return locquotSpill(a(0), a(1), a(2), L);
          case "INDSTRUCT": return indstructSpill(a(0), a(1), L);
          case "WINSOR": return winsorSpill(a(0), a(1), a(2), a(3), a(4), L);
          case "DESCSTATS": return descstatsSpill(a(0), a(1), L);
          case "INTERACT": return interactSpill(a(0), a(1), a(2), L);
          case "COUPLING": return couplingSpill(a(0), a(1), a(2), L);
        }
      }
    }
  }
}
