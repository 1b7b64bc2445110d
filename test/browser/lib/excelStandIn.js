/**
 * An in-memory stand-in for the Excel JavaScript API, for the browser tests of the task pane.
 * It implements only the surface src/taskpane/excel/ uses — Excel.run, the request context's
 * load/sync rules (reading a property that was not loaded and synced throws), worksheets,
 * ranges by index, the selection, named items, tables, values / formulas / number formats,
 * fonts (weight, style, size, name), alignment, wrapping, borders, merges, column widths, row
 * heights, page layout, frozen rows and workbook settings — over
 * plain JS sheets. It also imitates two Excel behaviours that matter to the pane:
 *   - a read (values/formulas) larger than `maxCellsPerRead` cells fails like Excel on the web's
 *     5 MB limit (RequestPayloadSizeLimitExceeded), so the pane must read in chunks;
 *   - text written into a cell whose number format is not "@" is parsed like typed input
 *     ("12" → 12, "(0.5)" → -0.5), so the pane must mark its text cells as text.
 *
 * Install it before the page's scripts run:
 *   await context.addInitScript(installExcelStandIn, { sheets: [{ name, values }], selection, maxCellsPerRead });
 * The page then has window.Excel and window.__excel (the test's handle: sheets, reads, render).
 */
"use strict";

function installExcelStandIn(init) {
  const opts = init || {};
  const maxCellsPerRead = opts.maxCellsPerRead || 5000000;
  const log = { reads: [], syncs: 0, runs: 0 };
  const settings = new Map(Object.entries(opts.settings || {}));

  function newSheet(name) {
    return { name, cells: new Map(), merges: [], widths: {}, heights: {}, pageLayout: {}, showGridlines: true, frozenRows: 0, visible: true };
  }
  const sheets = [];
  for (const s of opts.sheets || []) {
    const sh = newSheet(s.name);
    (s.values || []).forEach((row, r) => row.forEach((v, c) => { if (v !== "" && v !== null && v !== undefined) cell(sh, r, c).v = v; }));
    sheets.push(sh);
  }
  if (!sheets.length) sheets.push(newSheet("Sheet1"));
  let activeName = opts.active || sheets[0].name;
  let selection = opts.selection || { sheet: sheets[0].name, row: 0, col: 0, rows: 1, cols: 1 };
  const names = opts.names || {}; // name -> {sheet,row,col,rows,cols}
  const tables = opts.tables || {};

  function key(r, c) { return r + "," + c; }
  function cell(sh, r, c) {
    let x = sh.cells.get(key(r, c));
    if (!x) { x = { v: "", f: "", nf: "General", font: {}, align: null, borders: {} }; sh.cells.set(key(r, c), x); }
    return x;
  }
  function peek(sh, r, c) { return sh.cells.get(key(r, c)); }
  function findSheet(name) { return sheets.find((s) => s.name.toLowerCase() === String(name).toLowerCase()); }
  function letters(j) { let s = ""; for (let k = j + 1; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s; return s; }
  function usedBox(sh) {
    let r0 = Infinity, c0 = Infinity, r1 = -1, c1 = -1;
    for (const [k, x] of sh.cells) {
      if (x.v === "" && x.f === "") continue;
      const [r, c] = k.split(",").map(Number);
      r0 = Math.min(r0, r); c0 = Math.min(c0, c); r1 = Math.max(r1, r); c1 = Math.max(c1, c);
    }
    return r1 < 0 ? null : { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }
  const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
  /** What Excel stores when a value is written into a cell with a number format. */
  function coerce(v, nf) {
    if (typeof v === "string" && v.startsWith("'")) return v.slice(1); // Excel's quote prefix: the rest is text
    if (typeof v !== "string" || nf === "@") return v;
    const s = v.trim();
    if (NUMERIC.test(s)) return Number(s);
    const neg = /^\(([\d.]+)\)$/.exec(s);
    if (neg && NUMERIC.test(neg[1])) return -Number(neg[1]);
    return v;
  }

  function notLoaded(what) {
    const e = new Error(`The property '${what}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    e.code = "PropertyNotLoaded";
    return e;
  }

  class Context {
    constructor() {
      this.pending = [];
      this.workbook = new Workbook(this);
    }
    async sync() {
      log.syncs++;
      const pending = this.pending;
      this.pending = [];
      for (const p of pending) p();
      await new Promise((r) => setTimeout(r, 0));
    }
  }

  /** Base of every proxy: load(props) snapshots the props at the next sync. */
  class ClientObject {
    constructor(ctx) { this.ctx = ctx; this._loaded = {}; }
    load(props) {
      const list = typeof props === "string" ? props.split(",").map((s) => s.trim()).filter(Boolean) : Array.isArray(props) ? props : Object.keys(props || {});
      this.ctx.pending.push(() => { for (const p of list) this._snapshot(p); });
      return this;
    }
    _get(p) { if (!(p in this._loaded)) throw notLoaded(p); return this._loaded[p]; }
  }

  class Workbook {
    constructor(ctx) {
      this.ctx = ctx;
      this.worksheets = new Worksheets(ctx);
      this.names = new Collection(ctx, () => Object.keys(names).map((n) => new NamedItem(ctx, n)));
      this.names.getItemOrNullObject = (n) => new NamedItem(ctx, n);
      this.tables = new Collection(ctx, () => Object.keys(tables).map((n) => new TableItem(ctx, n)));
      this.tables.getItemOrNullObject = (n) => new TableItem(ctx, n);
      this.settings = new Settings(ctx);
    }
    getSelectedRange() { const s = selection; return new Range(this.ctx, s.sheet, s.row, s.col, s.rows, s.cols); }
  }

  class Collection extends ClientObject {
    constructor(ctx, make) { super(ctx); this.make = make; }
    _snapshot(p) { if (p.startsWith("items")) { const items = this.make(); for (const it of items) it.load(p.replace(/^items\/?/, "").replace(/items\//g, "") || "name"); this._loaded.items = items; } }
    get items() { return this._get("items"); }
    load(props) {
      const list = typeof props === "string" ? props.split(",").map((s) => s.trim()) : [];
      this.ctx.pending.push(() => {
        const items = this.make();
        for (const it of items) for (const p of list) { const sub = p.replace(/^items\//, ""); if (sub && sub !== "items") it._snapshot(sub); }
        this._loaded.items = items;
      });
      return this;
    }
  }

  class Worksheets extends Collection {
    constructor(ctx) { super(ctx, () => sheets.map((s) => new Worksheet(ctx, s.name))); }
    add(name) {
      if (findSheet(name)) { const e = new Error(`A sheet named "${name}" already exists.`); e.code = "ItemAlreadyExists"; throw e; }
      if (name.length > 31 || /[[\]:*?/\\]/.test(name)) { const e = new Error(`Invalid sheet name "${name}".`); e.code = "InvalidArgument"; throw e; }
      sheets.push(newSheet(name));
      return new Worksheet(this.ctx, name);
    }
    getItem(name) { if (!findSheet(name)) throw new Error(`ItemNotFound: ${name}`); return new Worksheet(this.ctx, findSheet(name).name); }
    getActiveWorksheet() { return new Worksheet(this.ctx, activeName); }
  }

  class Worksheet extends ClientObject {
    constructor(ctx, name) {
      super(ctx);
      this.sheetName = name;
      const self = this;
      this.freezePanes = { freezeRows(n) { self.sh.frozenRows = n; } };
      const pl = () => self.sh.pageLayout;
      this.pageLayout = {
        set paperSize(v) { pl().paperSize = v; }, set orientation(v) { pl().orientation = v; },
        set zoom(v) { pl().zoom = Object.assign({}, v); }, set centerHorizontally(v) { pl().centerHorizontally = v; },
        setPrintMargins(unit, m) { pl().margins = Object.assign({ unit }, m); },
        setPrintArea(a) { pl().printArea = String(a); },
        setPrintTitleRows(a) { pl().printTitleRows = String(a); },
      };
    }
    get sh() { return findSheet(this.sheetName); }
    _snapshot(p) { if (p === "name") this._loaded.name = this.sh.name; else if (p === "visibility") this._loaded.visibility = "Visible"; }
    get name() { return this._get("name"); }
    set showGridlines(v) { this.sh.showGridlines = !!v; }
    getRangeByIndexes(r, c, rows, cols) { return new Range(this.ctx, this.sheetName, r, c, rows, cols); }
    getUsedRangeOrNullObject() {
      const b = usedBox(this.sh);
      const rg = b ? new Range(this.ctx, this.sheetName, b.row, b.col, b.rows, b.cols) : new Range(this.ctx, this.sheetName, 0, 0, 1, 1);
      rg.isNullObject = !b;
      return rg;
    }
    activate() { activeName = this.sheetName; }
  }

  class Range extends ClientObject {
    constructor(ctx, sheet, r, c, rows, cols) {
      super(ctx);
      Object.assign(this, { sheetName: sheet, r, c, rows, cols, isNullObject: false });
      this.worksheet = new Worksheet(ctx, sheet);
      const self = this;
      const each = (fn) => { for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) fn(cell(self.sh, r + i, c + j), i, j); };
      const edges = {};
      const border = (edge) => edges[edge] || (edges[edge] = {
        set style(v) { self._border(edge, { style: v }); },
        set weight(v) { self._border(edge, { weight: v }); },
      });
      this.format = {
        font: {
          set bold(v) { each((x) => { x.font.bold = v; }); }, set italic(v) { each((x) => { x.font.italic = v; }); },
          set size(v) { each((x) => { x.font.size = v; }); }, set name(v) { each((x) => { x.font.name = v; }); },
        },
        set horizontalAlignment(v) { each((x) => { x.align = v; }); },
        set verticalAlignment(v) { each((x) => { x.valign = v; }); },
        set wrapText(v) { each((x) => { x.wrap = v; }); },
        set columnWidth(v) { for (let j = 0; j < cols; j++) self.sh.widths[c + j] = v; },
        set rowHeight(v) { for (let i = 0; i < rows; i++) self.sh.heights[r + i] = v; },
        borders: { getItem: border },
        autofitColumns() {},
      };
      this._each = each;
    }
    get sh() { const s = findSheet(this.sheetName); if (!s) throw new Error(`ItemNotFound: ${this.sheetName}`); return s; }
    _border(edge, patch) {
      const { r, c, rows, cols } = this;
      const targets = [];
      if (edge === "EdgeTop") for (let j = 0; j < cols; j++) targets.push([r, c + j, "top"]);
      if (edge === "EdgeBottom") for (let j = 0; j < cols; j++) targets.push([r + rows - 1, c + j, "bottom"]);
      if (edge === "EdgeLeft") for (let i = 0; i < rows; i++) targets.push([r + i, c, "left"]);
      if (edge === "EdgeRight") for (let i = 0; i < rows; i++) targets.push([r + i, c + cols - 1, "right"]);
      for (const [i, j, side] of targets) { const x = cell(this.sh, i, j); x.borders[side] = Object.assign({}, x.borders[side], patch); }
    }
    _grid(fn) { const out = []; for (let i = 0; i < this.rows; i++) { const row = []; for (let j = 0; j < this.cols; j++) row.push(fn(peek(this.sh, this.r + i, this.c + j))); out.push(row); } return out; }
    _snapshot(p) {
      if (p === "values" || p === "formulas" || p === "numberFormat") {
        const n = this.rows * this.cols;
        if (p !== "numberFormat") log.reads.push({ sheet: this.sheetName, cells: n, prop: p });
        if (n > maxCellsPerRead) {
          const e = new Error(`RequestPayloadSizeLimitExceeded: reading ${n} cells exceeds the stand-in's limit of ${maxCellsPerRead}`);
          e.code = "RequestPayloadSizeLimitExceeded";
          throw e;
        }
      }
      const v = {
        values: () => this._grid((x) => (x ? x.v : "")),
        formulas: () => this._grid((x) => (x ? (x.f || x.v) : "")),
        numberFormat: () => this._grid((x) => (x ? x.nf : "General")),
        address: () => `${this.sheetName}!${letters(this.c)}${this.r + 1}:${letters(this.c + this.cols - 1)}${this.r + this.rows}`,
        rowIndex: () => this.r, columnIndex: () => this.c, rowCount: () => this.rows, columnCount: () => this.cols,
      }[p];
      if (!v) throw new Error(`stand-in: unsupported property ${p}`);
      this._loaded[p] = v();
    }
    get values() { return this._get("values"); }
    get formulas() { return this._get("formulas"); }
    get numberFormat() { return this._get("numberFormat"); }
    get address() { return this._get("address"); }
    get rowIndex() { return this._get("rowIndex"); }
    get columnIndex() { return this._get("columnIndex"); }
    get rowCount() { return this._get("rowCount"); }
    get columnCount() { return this._get("columnCount"); }
    set numberFormat(g) { this._each((x, i, j) => { x.nf = Array.isArray(g) ? g[i][j] : g; }); }
    set values(g) { this.formulas = g; } // Excel reads written values as typed: "=…" becomes a formula
    set formulas(g) {
      this._each((x, i, j) => {
        const f = Array.isArray(g) ? g[i][j] : g;
        if (typeof f === "string" && f.startsWith("=")) { x.f = f; x.v = "#NAME?"; } else { x.f = ""; x.v = coerce(f, x.nf); }
      });
    }
    merge() { this.sh.merges.push({ row: this.r, col: this.c, rows: this.rows, cols: this.cols }); }
  }

  class NamedItem extends ClientObject {
    constructor(ctx, n) { super(ctx); this.n = n; this.isNullObject = !(n in names); this.name = n; this.type = "Range"; }
    _snapshot() {}
    getRange() { const b = names[this.n]; return new Range(this.ctx, b.sheet, b.row, b.col, b.rows, b.cols); }
  }
  class TableItem extends ClientObject {
    constructor(ctx, n) { super(ctx); this.n = n; this.isNullObject = !(n in tables); this.name = n; }
    _snapshot() {}
    getRange() { const b = tables[this.n]; return new Range(this.ctx, b.sheet, b.row, b.col, b.rows, b.cols); }
  }
  class Settings {
    constructor(ctx) { this.ctx = ctx; }
    add(k, v) { settings.set(k, JSON.parse(JSON.stringify(v))); }
    getItemOrNullObject(k) {
      const item = new ClientObject(this.ctx);
      item.isNullObject = !settings.has(k);
      item._snapshot = (p) => { if (p === "value") item._loaded.value = settings.get(k); };
      Object.defineProperty(item, "value", { get: () => item._get("value") });
      return item;
    }
  }

  window.Excel = {
    async run(fn) {
      log.runs++;
      const ctx = new Context();
      const out = await fn(ctx);
      await ctx.sync();
      return out;
    },
  };

  /** The test's handle on the workbook. */
  window.__excel = {
    log,
    settings,
    sheetNames: () => sheets.map((s) => s.name),
    activeSheet: () => activeName,
    select(sel) { selection = sel; },
    /** A sheet as {values, formats} for assertions: values[r][c] over the used box from A1. */
    dump(name) {
      const sh = findSheet(name);
      if (!sh) return null;
      const b = usedBox(sh) || { row: 0, col: 0, rows: 0, cols: 0 };
      const values = [];
      for (let r = 0; r < b.row + b.rows; r++) { const row = []; for (let c = 0; c < b.col + b.cols; c++) { const x = peek(sh, r, c); row.push(x ? (x.f || x.v) : ""); } values.push(row); }
      const cellInfo = (r, c) => { const x = peek(sh, r, c); return x ? { v: x.v, f: x.f, nf: x.nf, font: x.font, align: x.align, valign: x.valign, wrap: x.wrap, borders: x.borders } : null; };
      return { name: sh.name, values, merges: sh.merges, widths: sh.widths, heights: sh.heights, pageLayout: sh.pageLayout, showGridlines: sh.showGridlines, frozenRows: sh.frozenRows, cell: null, cells: Object.fromEntries([...sh.cells.keys()].map((k) => [k, cellInfo(...k.split(",").map(Number))])) };
    },
    /** A sheet drawn as an HTML table (borders, bold, italic, merges, alignment, widths), for screenshots. */
    renderHtml(name) {
      const sh = findSheet(name);
      const b = usedBox(sh);
      if (!b) return "<p>(empty)</p>";
      const esc = (s) => String(s).replace(/[&<>]/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[ch]);
      const rule = (x) => (!x || !x.style ? "none" : x.weight === "Medium" ? "2px solid #000" : x.weight === "Thick" ? "3px solid #000" : "1px solid #000");
      const covered = new Set();
      let html = `<table style="border-collapse:collapse;font:13px Calibri,'Noto Sans CJK SC',sans-serif">`;
      html += `<tr><th></th>${Array.from({ length: b.col + b.cols }, (_, c) => `<th style="color:#888;font-weight:normal;width:${Math.round((sh.widths[c] || 48) * 1.33)}px">${letters(c)}</th>`).join("")}</tr>`;
      for (let r = 0; r < b.row + b.rows; r++) {
        html += `<tr${sh.heights[r] ? ` style="height:${Math.round(sh.heights[r] * 4 / 3)}px"` : ""}><th style="color:#888;font-weight:normal;padding-right:6px">${r + 1}</th>`;
        for (let c = 0; c < b.col + b.cols; c++) {
          if (covered.has(key(r, c))) continue;
          const m = sh.merges.find((m) => m.row === r && m.col === c);
          if (m) for (let i = 0; i < m.rows; i++) for (let j = 0; j < m.cols; j++) if (i || j) covered.add(key(r + i, c + j));
          const x = peek(sh, r, c) || { v: "", font: {}, borders: {} };
          const style = [
            `border-top:${rule(x.borders.top)}`, `border-bottom:${rule(x.borders.bottom)}`,
            `font-weight:${x.font.bold ? "bold" : "normal"}`, `font-style:${x.font.italic ? "italic" : "normal"}`,
            `font-size:${x.font.size ? Math.round(x.font.size * 1.2) : 13}px`, `text-align:${x.align === "Center" ? "center" : "left"}`,
            ...(x.font.name ? [`font-family:'${x.font.name}',${/SimSun|宋体/.test(x.font.name) ? "'Noto Serif CJK SC'," : ""}serif`] : []),
            `vertical-align:${x.valign === "Top" ? "top" : x.valign === "Center" ? "middle" : "bottom"}`,
            "padding:2px 6px", x.wrap ? "white-space:normal" : "white-space:nowrap",
          ].join(";");
          const decimals = typeof x.v === "number" && /^0(\.0+)?$/.test(x.nf || "") ? (x.nf.split(".")[1] || "").length : -1;
          const shown = x.f || (decimals >= 0 ? x.v.toFixed(decimals) : x.v); // as Excel shows a number in its format
          html += `<td ${m ? `colspan="${m.cols}" rowspan="${m.rows}"` : ""} style="${style}">${esc(shown)}</td>`;
        }
        html += "</tr>";
      }
      return html + "</table>";
    },
  };
}

module.exports = { installExcelStandIn };

/**
 * office.js, when it runs outside Office, starts a ULS telemetry logger that 3 s after load
 * adds a hidden iframe to https://telemetryservice.firstpartyapps.oaspapps.com/… (see
 * loadProxyFrame in office-js/o15apptofilemappingtable.js). That request is office.js's own,
 * not the add-in's; inside Office, Office decides about its telemetry. Pages that live longer
 * than 3 s in these offline tests install this guard so the logger never loads its frame; every
 * other request must still stay on localhost (the harness aborts and reports the rest).
 */
function disableOfficeJsTelemetryFrame() {
  const started = Date.now();
  const timer = setInterval(() => {
    const uls = window.OSF && window.OSF.Logger && window.OSF.Logger.ulsEndpoint;
    if (uls) {
      uls.loadProxyFrame = function () {};
      window.__officeJsTelemetryDisabled = true;
      clearInterval(timer);
    } else if (Date.now() - started > 20000) clearInterval(timer);
  }, 10);
}

module.exports.disableOfficeJsTelemetryFrame = disableOfficeJsTelemetryFrame;
