/** @jest-environment jsdom */
/**
 * The task pane's components with fake services (no Office): reading and summarising the data,
 * the auto-mapping and its correction, validation messages beside the control that caused them,
 * the language switch, running (progress, output written), engine errors, Cancel, and a mapping
 * restored from the workbook.
 */
import * as path from "path";
import * as React from "react";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { readCsv } from "../../src/cli/readCsvCells";
import { autoMap } from "../../src/taskpane/model/autoMap";
import { App, TaskpaneServices } from "../../src/taskpane/components/App";
import { columnLetters, SheetBlock } from "../../src/taskpane/model/detectPanel";
import { StudyCancelledByUser, StudyFailed, StudyJob } from "../../src/taskpane/worker/client";
import { StudyReply, StudyRequest } from "../../src/taskpane/worker/protocol";

jest.setTimeout(30_000);

// jsdom has no ResizeObserver; Fluent's MessageBar observes its own size
beforeAll(() => {
  (globalThis as any).ResizeObserver ??= class { observe() {} unobserve() {} disconnect() {} };
});

const sample = readCsv(path.resolve(__dirname, "../../assets/sample/city-panel.csv"));
const NUM = /^-?\d+(\.\d+)?$/;
const ROWS = 28; // two cities × 14 years
const block: SheetBlock = {
  values: [sample.names as string[], ...Array.from({ length: ROWS }, (_, i) => sample.columns.map((c) => (NUM.test(String(c[i])) ? Number(c[i]) : c[i])))],
  sheet: "Panel", rowIndex: 0, columnIndex: 0, source: "Panel!A1:BE29",
};
const reply: StudyReply = {
  tables: [{ id: "table3", sheetName: "Table 3 Baseline", title: "T3", header: [["Variable", "(1)"]], body: [["digit", "0.1"]], bodyKinds: ["coef"], values: [[null, 0.1]], notes: [] }],
  provenance: [],
};

function fakeServices(over: Partial<TaskpaneServices> = {}) {
  const calls = { runs: [] as StudyRequest[], writes: [] as StudyReply[], saves: 0, templates: 0 };
  const services: TaskpaneServices = {
    listSources: async () => ({ names: ["PanelData"], tables: ["PanelTable"] }),
    readSource: async (_s, onProgress) => { onProgress(ROWS + 1, ROWS + 1); return block; },
    loadMapping: async () => null,
    saveMapping: async () => { calls.saves++; },
    runner: (request, onProgress) => {
      calls.runs.push(request);
      return { result: Promise.resolve().then(() => { onProgress("table3", 1, 1); return reply; }), cancel: () => undefined };
    },
    writeOutput: async (out) => { calls.writes.push(out); return ["Table 3 Baseline (2)", "Provenance"]; },
    insertTemplate: async () => { calls.templates++; return { sheets: ["Data", "Setup"], reused: calls.templates > 1 }; },
    repairFormulas: async () => 12,
    availableTables: ["table1", "table2", "table3", "table4", "table5", "table6", "table7"],
    liveFormulasAvailable: true,
    ...over,
  };
  return { services, calls };
}

const renderApp = (services: TaskpaneServices, lang: "en" | "zh" = "en") =>
  render(<FluentProvider theme={webLightTheme}><App services={services} initialLang={lang} /></FluentProvider>);

/** The text of a control's description (Fluent Field links the validation message by aria-describedby). */
const description = (el: HTMLElement) =>
  (el.getAttribute("aria-describedby") ?? "").split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? "").join(" ").trim();

async function readAndMap(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole("button", { name: "Read data" }));
  await screen.findByTestId("data-summary");
  await user.click(screen.getByRole("button", { name: "Next: map columns" }));
  await screen.findByRole("heading", { name: "2 Map" });
}

test("Data step: the summary of the panel before anything runs", async () => {
  const user = userEvent.setup();
  renderApp(fakeServices().services);
  expect(screen.getByRole("combobox", { name: "Data source" })).toBeTruthy();
  expect(await screen.findByRole("option", { name: "Named range: PanelData" })).toBeTruthy();
  expect(screen.getByRole("option", { name: "Table: PanelTable" })).toBeTruthy();
  await user.click(screen.getByRole("button", { name: "Read data" }));
  const sum = await screen.findByTestId("data-summary");
  expect(within(sum).getByTestId("sum-n").textContent).toBe("28");
  expect(within(sum).getByTestId("sum-cities").textContent).toBe("2");
  expect(within(sum).getByTestId("sum-years").textContent).toBe("14 (2008–2021)");
  expect(within(sum).getByTestId("sum-balance").textContent).toBe("Balanced");
  expect(within(sum).getByTestId("sum-missing").textContent).toBe("0 in 0 column(s)");
  expect(within(sum).getByText("row 1 of the sheet")).toBeTruthy();
  expect(within(sum).getByText("Read from Panel!A1:BE29")).toBeTruthy();
});

test("Map step: columns auto-mapped; a wrong choice shows its message beside the control, in both languages", async () => {
  const user = userEvent.setup();
  const alt = sample.names.indexOf("digit_alt");
  const withText: SheetBlock = { ...block, values: block.values.map((r, i) => (i === 5 ? r.map((v, j) => (j === alt ? "abc" : v)) : r)) };
  renderApp(fakeServices({ readSource: async () => withText }).services);
  await readAndMap(user);
  expect((screen.getByTestId("map-city") as HTMLSelectElement).value).toBe("city");
  expect((screen.getByTestId("map-treatment") as HTMLSelectElement).value).toBe("digit");
  // what was matched by name is listed without opening the sections
  const matched = screen.getByTestId("auto-matched");
  expect(within(matched).getByText(/^Matched automatically by name: 11 of 11 roles$/)).toBeTruthy();
  expect(within(matched).getByText("Treatment (digit)").nextElementSibling!.textContent).toBe("digit");
  expect(within(matched).getByText("Instruments").nextElementSibling!.textContent).toMatch(/^\w+(, \w+)+$/);
  // the text cell in digit_alt is reported beside the alternative-digit control (its section opened itself)
  const altSelect = screen.getByRole("combobox", { name: "Alternative digit measure" });
  expect(description(altSelect)).toBe(`Column "digit_alt" (the alternative digit) must hold numbers, but cell ${columnLetters(alt)}6 contains "abc".`);
  expect(screen.getByText("1 problem(s) to fix before running.")).toBeTruthy();
  await user.selectOptions(altSelect, "");
  expect(screen.getByText("The mapping is complete.")).toBeTruthy();
  const ln = screen.getByRole("checkbox", { name: "ln density" }) as HTMLInputElement;
  expect(ln.checked).toBe(true);

  // unmap the treatment: the message appears under the Treatment control
  const treatment = screen.getByRole("combobox", { name: "Treatment: digital technology (digit)" });
  await user.selectOptions(treatment, "");
  expect(description(treatment)).toBe("Choose the column for digital technology (digit).");
  expect(screen.getByText("1 problem(s) to fix before running.")).toBeTruthy();

  // a column with a text cell as the treatment: the message names the cell
  await user.selectOptions(treatment, "digit_alt");
  const msg = `Column "digit_alt" (digit) must hold numbers, but cell ${columnLetters(alt)}6 contains "abc".`;
  expect(description(treatment)).toBe(msg);

  // switch the language: labels and the message follow
  await user.selectOptions(screen.getByTestId("lang-select"), "zh");
  const zhTreatment = screen.getByRole("combobox", { name: "核心解释变量：数字技术（digit）" });
  expect(description(zhTreatment)).toBe(`列“digit_alt”（数字技术）应为数值，但单元格 ${columnLetters(alt)}6 的内容是“abc”。`);
  expect(screen.getByRole("heading", { name: "2 变量映射" })).toBeTruthy();
  expect(document.documentElement.lang).toBe("zh-CN");
});

test("Map step: removing controls and changing an indicator's direction edit the definition; Save stores it", async () => {
  const user = userEvent.setup();
  const { services, calls } = fakeServices();
  renderApp(services);
  await readAndMap(user);
  await user.click(screen.getByRole("button", { name: "Remove lnunemploy" }));
  expect(screen.queryByRole("checkbox", { name: "ln unemploy" })).toBeNull();
  await user.click(screen.getByRole("button", { name: "Innovation index (Table 1)" }));
  const dir = screen.getByRole("combobox", { name: "Direction of ind01" });
  await user.selectOptions(dir, "-");
  expect((dir as HTMLSelectElement).value).toBe("-");
  await user.click(screen.getByRole("button", { name: "Save mapping in workbook" }));
  await screen.findByText("Saved in this workbook.");
  expect(calls.saves).toBe(1);
});

test("Run: progress, the chosen tables go to the worker, the output is written and listed", async () => {
  const user = userEvent.setup();
  const { services, calls } = fakeServices();
  renderApp(services);
  await readAndMap(user);
  await user.click(screen.getByRole("button", { name: "Next: run" }));
  await user.click(screen.getByRole("checkbox", { name: "Table 1 Index weights" }));
  await user.click(screen.getByRole("button", { name: "Run" }));
  const list = await screen.findByTestId("written-sheets");
  expect(within(list).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["Table 3 Baseline (2)", "Provenance"]);
  expect(calls.runs).toHaveLength(1);
  const req = calls.runs[0] as Extract<StudyRequest, { kind: "study" }>;
  expect(req.kind).toBe("study");
  expect(req.tables).toEqual(["table2", "table3", "table4", "table5", "table6", "table7"]);
  expect(req.table.rows).toBe(28);
  expect(calls.writes[0].tables).toBe(reply.tables);
  expect(req.provenance!.find((r) => r.label.en === "output")!.value).toBe("values");
  expect(req.provenance!.find((r) => r.label.en === "written by")!.value).toBe("CityPanel task pane");
});

test("Map step: the table layout (R² rows, digit grouping) goes into the study definition the worker runs, and back to the defaults", async () => {
  const user = userEvent.setup();
  const { services, calls } = fakeServices();
  renderApp(services);
  await readAndMap(user);
  await user.click(screen.getByRole("button", { name: "Table layout" }));
  await user.selectOptions(screen.getByRole("combobox", { name: "R² rows of the regression tables" }), "both");
  await user.click(screen.getByRole("checkbox", { name: "Group digits in threes, as the paper prints them (2 744, 0.154 5)" }));
  await user.click(screen.getByRole("button", { name: "Next: run" }));
  await user.click(screen.getByRole("button", { name: "Run" }));
  await screen.findByTestId("written-sheets");
  expect(calls.runs[0].def.tableOptions).toEqual({ r2: "both", digitGrouping: true });
  // set back to the paper's defaults: no tableOptions left in the definition
  await user.click(screen.getByRole("tab", { name: "2 Map" }));
  await user.click(screen.getByRole("button", { name: "Table layout" }));
  expect((screen.getByRole("combobox", { name: "R² rows of the regression tables" }) as HTMLSelectElement).value).toBe("both");
  await user.selectOptions(screen.getByRole("combobox", { name: "R² rows of the regression tables" }), "overall");
  await user.click(screen.getByRole("checkbox", { name: "Group digits in threes, as the paper prints them (2 744, 0.154 5)" }));
  await user.click(screen.getByRole("button", { name: "Next: run" }));
  await user.click(screen.getByRole("button", { name: "Run" }));
  await waitFor(() => expect(calls.runs).toHaveLength(2));
  expect(calls.runs[1].def.tableOptions).toBeUndefined();
});

test("Run: a single model with chosen variables and VCE", async () => {
  const user = userEvent.setup();
  const { services, calls } = fakeServices();
  renderApp(services);
  await readAndMap(user);
  await user.click(screen.getByRole("button", { name: "Next: run" }));
  await user.click(screen.getByRole("radio", { name: "A single model" }));
  await user.click(screen.getByRole("button", { name: "Run" }));
  expect(screen.getAllByRole("alert").map((a) => a.textContent)).toEqual(["Choose the dependent variable.", "Choose at least one regressor."]);
  expect(description(screen.getByRole("combobox", { name: "Dependent variable" }))).toBe("Choose the dependent variable.");
  expect(calls.runs).toHaveLength(0);
  await user.selectOptions(screen.getByRole("combobox", { name: "Estimator" }), "iv2sls");
  await user.selectOptions(screen.getByRole("combobox", { name: "Dependent variable" }), "inn");
  await user.selectOptions(screen.getByRole("combobox", { name: "Endogenous regressor" }), "digit");
  const exog = screen.getByRole("group", { name: "Exogenous regressors" });
  await user.click(within(exog).getByRole("checkbox", { name: "gov" }));
  const ivs = screen.getByRole("group", { name: "Instruments" });
  await user.click(within(ivs).getByRole("checkbox", { name: "iv2" }));
  await user.selectOptions(screen.getByRole("combobox", { name: "Variance estimator" }), "cluster");
  await user.selectOptions(screen.getByRole("combobox", { name: "Cluster by" }), "agglomeration");
  await user.click(screen.getByRole("button", { name: "Run" }));
  await screen.findByTestId("written-sheets");
  expect(calls.runs[0]).toMatchObject({
    kind: "model",
    model: { estimator: "iv2sls", y: "inn", x: ["gov"], endog: ["digit"], instruments: ["iv2"], vcov: "cluster", cluster: "agglomeration" },
  });
});

test("Run: no table chosen is said beside the table list", async () => {
  const user = userEvent.setup();
  const { services, calls } = fakeServices();
  renderApp(services);
  await readAndMap(user);
  await user.click(screen.getByRole("button", { name: "Next: run" }));
  await user.click(screen.getByRole("checkbox", { name: "All tables" }));
  await user.click(screen.getByRole("button", { name: "Run" }));
  expect(screen.getByRole("alert").textContent).toBe("Choose at least one table.");
  expect(calls.runs).toHaveLength(0);
});

test("Run: an engine error is shown in the user's words and beside the control it names, never a stack", async () => {
  const user = userEvent.setup();
  const failing = fakeServices({
    runner: () => ({ result: Promise.reject(new StudyFailed({ en: 'column "gov", row 7: "abc" is not a number', zh: "列“gov”第 7 行：“abc”不是数值", kind: "value", column: "gov", row: 7 })), cancel: () => undefined }),
  });
  renderApp(failing.services);
  await readAndMap(user);
  await user.click(screen.getByRole("button", { name: "Next: run" }));
  await user.click(screen.getByRole("button", { name: "Run" }));
  const err = await screen.findByTestId("run-error");
  expect(err.textContent).toBe('column "gov", row 7: "abc" is not a number');
  expect(err.textContent).not.toMatch(/at .*\.ts/);
  await user.click(screen.getByRole("tab", { name: "2 Map" }));
  const controls = screen.getByTestId("map-controls");
  expect(within(controls).getByRole("alert").textContent).toBe('column "gov", row 7: "abc" is not a number');
  expect(failing.calls.writes).toHaveLength(0);
});

test("Cancel stops the run and writes nothing", async () => {
  const user = userEvent.setup();
  let reject: (e: Error) => void = () => undefined;
  const { services, calls } = fakeServices({
    runner: (_r, onProgress): StudyJob => {
      const result = new Promise<StudyReply>((_, rej) => { reject = rej; });
      setTimeout(() => onProgress("table1", 1, 7), 0);
      return { result, cancel: () => reject(new StudyCancelledByUser()) };
    },
  });
  renderApp(services);
  await readAndMap(user);
  await user.click(screen.getByRole("button", { name: "Next: run" }));
  await user.click(screen.getByRole("button", { name: "Run" }));
  await screen.findByText("1 of 7 done: Table 1 Index weights");
  expect((screen.getByRole("button", { name: "Run" }) as HTMLButtonElement).disabled).toBe(true);
  await user.click(screen.getByRole("button", { name: "Cancel" }));
  expect((await screen.findByTestId("run-status")).textContent).toBe("Cancelled. Nothing was written.");
  expect(calls.writes).toHaveLength(0);
});

test("a mapping saved in the workbook is restored when the data are read", async () => {
  const user = userEvent.setup();
  const saved = { ...autoMap(sample.names), vcov: "cluster" as const, cluster: "agglomeration" };
  const { services } = fakeServices({ loadMapping: async () => ({ version: 1, definition: saved, savedAt: "2026-01-02T03:04:05Z" }) });
  renderApp(services);
  await act(async () => undefined);
  await readAndMap(user);
  expect(screen.getByText(/^Mapping restored from this workbook/)).toBeTruthy();
  await user.click(screen.getByRole("button", { name: "Standard errors" }));
  expect((screen.getByRole("combobox", { name: "Variance estimator" }) as HTMLSelectElement).value).toBe("cluster");
  expect((screen.getByRole("combobox", { name: "Cluster by" }) as HTMLSelectElement).value).toBe("agglomeration");
});

test("first screen: one product name with a zh subtitle; steps not yet reachable are disabled; the workbook tools work before any data", async () => {
  const user = userEvent.setup();
  renderApp(fakeServices().services, "zh");
  expect(screen.getByRole("heading", { name: "CityPanel" })).toBeTruthy();
  expect(screen.getByText("城市面板计量")).toBeTruthy();
  const disabled = (name: string) => (screen.getByRole("tab", { name }) as HTMLButtonElement).disabled;
  expect(["1 数据", "2 变量映射", "3 运行", "4 输出"].map(disabled)).toEqual([false, true, true, true]);
  await user.click(screen.getByRole("button", { name: "插入模板" }));
  await waitFor(() => expect(screen.getByTestId("template-status").textContent).toBe("已插入模板：Data, Setup"));
  await user.click(screen.getByRole("button", { name: "插入模板" }));
  await waitFor(() => expect(screen.getByTestId("template-status").textContent).toMatch(/^本工作簿中已有模板（Data, Setup）/));
  await user.click(screen.getByRole("button", { name: "修复公式" }));
  expect((await screen.findByTestId("repair-status")).textContent).toBe("已重新输入 12 个 CITYPANEL 公式。");
});
