/**
 * An Excel workbook for jest built on office-addin-mock: every object the task pane's Excel
 * module touches (context, worksheets, ranges, settings) is an OfficeMockObject, so reading a
 * property that was not loaded and synced gives office-addin-mock's error sentinel instead of
 * data. Ranges are created on demand over an in-memory model of sheets; what the code wrote
 * (values, formulas, number formats, fonts, alignment, wrapping, borders, merges, column widths,
 * row heights, gridlines, page layout) is copied into the model when
 * Excel.run ends — also when it throws, so a write before a failed check would be caught.
 */
import { OfficeMockObject } from "office-addin-mock";

export interface CellModel {
  v: unknown;
  f?: string;
  /** Written with Excel's quote prefix "'": stored as text, never a formula. */
  quoted?: boolean;
  nf?: string;
  bold?: boolean;
  italic?: boolean;
  top?: string;
  bottom?: string;
  font?: string;
  size?: number;
  align?: string;
  valign?: string;
  wrap?: boolean;
}

/** What a sheet's pageLayout received (ExcelApi 1.9). */
export interface PageLayoutModel {
  paperSize?: string;
  orientation?: string;
  zoom?: unknown;
  centerHorizontally?: boolean;
  margins?: { unit: string; options: unknown };
  printArea?: string;
  printTitleRows?: string;
}

export class WorkbookModel {
  readonly sheets = new Map<string, Map<string, CellModel>>();
  readonly gridlines = new Map<string, boolean>();
  readonly frozen = new Map<string, number>();
  readonly merges = new Map<string, { row: number; col: number; rows: number; cols: number }[]>();
  /** Column widths (points) and row heights (points) by sheet, then 0-based index. */
  readonly columnWidths = new Map<string, Map<number, number>>();
  readonly rowHeights = new Map<string, Map<number, number>>();
  readonly pageLayouts = new Map<string, PageLayoutModel>();
  /** The highest ExcelApi requirement set the host reports through Office.context.requirements.isSetSupported. */
  excelApi = 1.9;
  /** A host that refuses some page zooms: the sync that sends one fails (InvalidArgument) and the zoom is not set. */
  rejectZoom?: (zoom: unknown) => boolean;
  readonly settings = new Map<string, unknown>();
  readonly names = new Map<string, { sheet: string; row: number; col: number; rows: number; cols: number }>();
  readonly tables = new Map<string, { sheet: string; row: number; col: number; rows: number; cols: number }>();
  selection = { sheet: "Sheet1", row: 0, col: 0, rows: 1, cols: 1 };
  /** Every range whose values/formulas were loaded: size in cells. */
  readonly reads: { sheet: string; row: number; rows: number; cols: number }[] = [];
  syncs = 0;

  constructor(sheets: Record<string, unknown[][]> = { Sheet1: [] }) {
    for (const [name, rows] of Object.entries(sheets)) this.put(name, 0, 0, rows);
  }
  put(sheet: string, row: number, col: number, rows: unknown[][]): void {
    if (!this.sheets.has(sheet)) this.sheets.set(sheet, new Map());
    const s = this.sheets.get(sheet)!;
    rows.forEach((r, i) => r.forEach((v, j) => { if (v !== "" && v !== null && v !== undefined) s.set(`${row + i},${col + j}`, { v }); }));
  }
  get(sheet: string, r: number, c: number): CellModel | undefined {
    return this.sheets.get(sheet)?.get(`${r},${c}`);
  }
  value(sheet: string, r: number, c: number): unknown {
    const x = this.get(sheet, r, c);
    return x ? (x.f ?? x.v) : "";
  }
  grid(sheet: string, r: number, c: number, rows: number, cols: number, pick: (x: CellModel | undefined) => unknown): unknown[][] {
    return Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => pick(this.get(sheet, r + i, c + j))));
  }
  used(sheet: string): { row: number; col: number; rows: number; cols: number } | null {
    let r0 = Infinity, c0 = Infinity, r1 = -1, c1 = -1;
    for (const [k, x] of this.sheets.get(sheet) ?? []) {
      if (x.v === "" && !x.f) continue;
      const [r, c] = k.split(",").map(Number);
      r0 = Math.min(r0, r); c0 = Math.min(c0, c); r1 = Math.max(r1, r); c1 = Math.max(c1, c);
    }
    return r1 < 0 ? null : { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }
}

type AnyMock = OfficeMockObject & Record<string, any>;

/** Whether the code set a format property: a property never set reads as office-addin-mock's "not loaded" sentinel. */
const written = (v: unknown, dflt: unknown): boolean => v !== dflt && !(typeof v === "string" && v.startsWith("Error, property was not loaded"));

/** Installs global Excel.run over the model. */
export function installExcel(model: WorkbookModel): void {
  (globalThis as any).Office = {
    context: { requirements: { isSetSupported: (name: string, v?: string) => name === "ExcelApi" && Number(v ?? "1.1") <= model.excelApi } },
  };
  (globalThis as any).Excel = {
    run: async <T>(fn: (ctx: any) => Promise<T>): Promise<T> => {
      const { context, commit } = makeContext(model);
      try {
        return await fn(context);
      } finally {
        commit();
      }
    },
  };
}

function makeContext(model: WorkbookModel) {
  const ranges: { m: AnyMock; sheet: string; r: number; c: number; rows: number; cols: number; init: Record<string, unknown> }[] = [];
  const sheetMocks: { m: AnyMock; name: string }[] = [];
  const all: AnyMock[] = [];
  const track = <T extends AnyMock>(m: T): T => { all.push(m); return m; };

  const rangeMock = (sheet: string, r: number, c: number, rows: number, cols: number): AnyMock => {
    const init = {
      values: model.grid(sheet, r, c, rows, cols, (x) => (x ? x.v : "")),
      formulas: model.grid(sheet, r, c, rows, cols, (x) => (x ? (x.f ?? x.v) : "")),
      numberFormat: model.grid(sheet, r, c, rows, cols, (x) => x?.nf ?? "General"),
    };
    const edges: Record<string, AnyMock> = {};
    const m = track(new OfficeMockObject({
      ...init,
      address: `${sheet}!R${r + 1}C${c + 1}`,
      rowIndex: r, columnIndex: c, rowCount: rows, columnCount: cols,
      format: {
        font: { bold: false, italic: false, size: 11, name: "Calibri" },
        horizontalAlignment: "General",
        verticalAlignment: "Bottom",
        wrapText: false,
        columnWidth: 48,
        rowHeight: 15,
        borders: { getItem: (edge: string) => (edges[edge] ??= track(new OfficeMockObject({ style: "None", weight: "Thin" })) as AnyMock) },
      },
      merge: () => { model.merges.set(sheet, [...(model.merges.get(sheet) ?? []), { row: r, col: c, rows, cols }]); },
    }) as AnyMock);
    m.worksheet = sheetMock(sheet);
    const load = m.load.bind(m);
    m.load = (p: any) => {
      const props = typeof p === "string" ? p.split(",").map((s) => s.trim()) : [];
      if (props.includes("values") || props.includes("formulas")) model.reads.push({ sheet, row: r, rows, cols });
      return load(p);
    };
    ranges.push({ m, sheet, r, c, rows, cols, init });
    (m as any).__edges = edges;
    return m;
  };

  const sheetMock = (name: string): AnyMock => {
    const m = track(new OfficeMockObject({
      name,
      showGridlines: true,
      getRangeByIndexes: (r: number, c: number, rows: number, cols: number) => rangeMock(name, r, c, rows, cols),
      getUsedRangeOrNullObject: () => {
        const u = model.used(name);
        const rg = rangeMock(name, u?.row ?? 0, u?.col ?? 0, u?.rows ?? 1, u?.cols ?? 1);
        Object.defineProperty(rg, "isNullObject", { value: !u });
        return rg;
      },
      freezePanes: { freezeRows: (n: number) => { model.frozen.set(name, n); } },
      activate: () => undefined,
      pageLayout: {
        // "(not set)": what the code did not write stays out of model.pageLayouts
        paperSize: "(not set)", orientation: "(not set)", zoom: "(not set)", centerHorizontally: "(not set)",
        setPrintMargins: (unit: string, options: unknown) => { layout().margins = { unit, options }; },
        setPrintArea: (a: string) => { layout().printArea = a; },
        setPrintTitleRows: (a: string) => { layout().printTitleRows = a; },
      },
    }) as AnyMock);
    function layout(): PageLayoutModel {
      if (!model.pageLayouts.has(name)) model.pageLayouts.set(name, {});
      return model.pageLayouts.get(name)!;
    }
    sheetMocks.push({ m, name });
    return m;
  };

  /** Collections load "items/name" in Office.js; office-addin-mock knows only "items" (an array value). */
  const collection = (m: AnyMock): AnyMock => {
    const load = m.load.bind(m);
    m.load = (p: any) => load(typeof p === "string" ? [...new Set(p.split(",").map((s) => (s.trim().startsWith("items") ? "items" : s.trim())))].join(",") : p);
    return m;
  };
  const sheetList = () => [...model.sheets.keys()].map((name) => ({ name }));
  const worksheets = collection(track(new OfficeMockObject({
    items: sheetList(),
    add: (name: string) => {
      if ([...model.sheets.keys()].some((n) => n.toLowerCase() === name.toLowerCase())) throw new Error(`ItemAlreadyExists: ${name}`);
      model.sheets.set(name, new Map());
      (worksheets as any).setValue("items", sheetList());
      return sheetMock(name);
    },
    getItem: (name: string) => sheetMock(name),
  }) as AnyMock));

  const nullable = (m: AnyMock, isNull: boolean) => { Object.defineProperty(m, "isNullObject", { value: isNull }); return m; };
  const boxRange = (b: { sheet: string; row: number; col: number; rows: number; cols: number }) => rangeMock(b.sheet, b.row, b.col, b.rows, b.cols);
  const context = track(new OfficeMockObject({
    workbook: {
      getSelectedRange: () => boxRange(model.selection),
      names: {
        items: [...model.names.keys()].map((name) => ({ name, type: "Range" })),
        getItemOrNullObject: (n: string) => nullable(track(new OfficeMockObject({ name: n, getRange: () => boxRange(model.names.get(n)!) }) as AnyMock), !model.names.has(n)),
      },
      tables: {
        items: [...model.tables.keys()].map((name) => ({ name })),
        getItemOrNullObject: (n: string) => nullable(track(new OfficeMockObject({ name: n, getRange: () => boxRange(model.tables.get(n)!) }) as AnyMock), !model.tables.has(n)),
      },
      settings: {
        add: (k: string, v: unknown) => { model.settings.set(k, v); },
        getItemOrNullObject: (k: string) => nullable(track(new OfficeMockObject({ value: model.settings.has(k) ? model.settings.get(k) : "" }) as AnyMock), !model.settings.has(k)),
      },
    },
    sync: async () => {
      model.syncs++;
      for (const { m } of sheetMocks) {
        if (model.rejectZoom && written(m.pageLayout.zoom, "(not set)") && model.rejectZoom(m.pageLayout.zoom)) {
          m.pageLayout.zoom = "(not set)";
          throw new Error("InvalidArgument: the argument is invalid or missing or has an incorrect format (zoom)");
        }
      }
      for (const m of [...all]) await OfficeMockObject.prototype.sync.call(m);
    },
  }) as AnyMock);
  context.workbook.worksheets = worksheets;
  collection(context.workbook.names);
  collection(context.workbook.tables);

  const commit = () => {
    for (const { m, sheet, r, c, rows, cols, init } of ranges) {
      const s = model.sheets.get(sheet);
      if (!s) continue;
      const cell = (i: number, j: number) => {
        const k = `${r + i},${c + j}`;
        if (!s.has(k)) s.set(k, { v: "" });
        return s.get(k)!;
      };
      if (Array.isArray(m.numberFormat) && m.numberFormat !== init.numberFormat) m.numberFormat.forEach((row: unknown[], i: number) => row.forEach((v, j) => { cell(i, j).nf = String(v); }));
      // as Excel reads what is written (typed): "=…", "+…", "-…", "@…" become formulas; a leading
      // apostrophe is the quote prefix — the rest is stored as text (x.quoted marks it)
      const typed = (x: CellModel, v: unknown) => {
        delete x.f; delete x.quoted;
        if (typeof v === "string" && v.startsWith("'")) { x.v = v.slice(1); x.quoted = true; }
        else if (typeof v === "string" && /^[=+\-@]/.test(v) && !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v)) { x.f = v.startsWith("=") ? v : `=${v}`; x.v = ""; }
        else x.v = v;
      };
      if (Array.isArray(m.values) && m.values !== init.values) m.values.forEach((row: unknown[], i: number) => row.forEach((v, j) => typed(cell(i, j), v)));
      if (Array.isArray(m.formulas) && m.formulas !== init.formulas) m.formulas.forEach((row: unknown[], i: number) => row.forEach((v, j) => typed(cell(i, j), v)));
      const f = m.format;
      for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) {
        if (f.font.bold === true) cell(i, j).bold = true;
        if (f.font.italic === true) cell(i, j).italic = true;
        if (written(f.font.name, "Calibri")) cell(i, j).font = f.font.name;
        if (written(f.font.size, 11)) cell(i, j).size = f.font.size;
        if (written(f.horizontalAlignment, "General")) cell(i, j).align = f.horizontalAlignment;
        if (written(f.verticalAlignment, "Bottom")) cell(i, j).valign = f.verticalAlignment;
        if (f.wrapText === true) cell(i, j).wrap = true;
      }
      const put = (map: Map<string, Map<number, number>>, k: number, v: number) => {
        if (!map.has(sheet)) map.set(sheet, new Map());
        map.get(sheet)!.set(k, v);
      };
      if (written(f.columnWidth, 48)) for (let j = 0; j < cols; j++) put(model.columnWidths, c + j, f.columnWidth);
      if (written(f.rowHeight, 15)) for (let i = 0; i < rows; i++) put(model.rowHeights, r + i, f.rowHeight);
      const edges = (m as any).__edges as Record<string, AnyMock>;
      for (const [edge, b] of Object.entries(edges)) {
        if (b.style !== "Continuous") continue;
        for (let j = 0; j < cols; j++) {
          if (edge === "EdgeTop") cell(0, j).top = b.weight;
          if (edge === "EdgeBottom") cell(rows - 1, j).bottom = b.weight;
        }
      }
    }
    for (const { m, name } of sheetMocks) {
      if (m.showGridlines === false) model.gridlines.set(name, false);
      const pl = m.pageLayout;
      const changed: PageLayoutModel = {};
      if (written(pl.paperSize, "(not set)")) changed.paperSize = pl.paperSize;
      if (written(pl.orientation, "(not set)")) changed.orientation = pl.orientation;
      if (written(pl.centerHorizontally, "(not set)")) changed.centerHorizontally = pl.centerHorizontally;
      if (written(pl.zoom, "(not set)")) changed.zoom = pl.zoom;
      if (Object.keys(changed).length) model.pageLayouts.set(name, { ...model.pageLayouts.get(name), ...changed });
    }
  };
  return { context, commit };
}
