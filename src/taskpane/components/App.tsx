import * as React from "react";
import { Field, Select, Tab, TabList, Title1, makeStyles } from "@fluentui/react-components";
import { Bilingual, Lang } from "../../engine/i18n/lang";
import { controlName, StudyDefinition } from "../../engine/study/definition";
import { autoMap } from "../model/autoMap";
import { detectPanel, DetectedPanel, SheetBlock, summarise } from "../model/detectPanel";
import { FieldErrors, fieldOfError, validateStudyMapping } from "../model/validate";
import { DataSource, liveDataLayout, SavedMapping } from "../excel/workbook";
import { DataSheetLayout } from "../../engine/study/template/studyTemplate";
import { StudyCancelledByUser, StudyFailed, StudyJob, StudyRunner } from "../worker/client";
import { SingleModelSpec, StudyReply, StudyRequest } from "../worker/protocol";
import { tr } from "../i18n/strings";
import { DataStep } from "./DataStep";
import { MapStep } from "./MapStep";
import { RunProgress, RunStep } from "./RunStep";
import { OutputStep } from "./OutputStep";

/** What the pane needs from the outside world: Excel I/O and the study runner (mocked in tests). */
export interface TaskpaneServices {
  listSources(): Promise<{ names: string[]; tables: string[] }>;
  readSource(source: DataSource, onProgress: (done: number, total: number) => void): Promise<SheetBlock>;
  loadMapping(): Promise<SavedMapping | null>;
  saveMapping(def: StudyDefinition, source: DataSource): Promise<void>;
  runner: StudyRunner;
  /** Write the tables as values, or (live) the study template's CITYPANEL.* formulas over the data sheet. */
  writeOutput(out: StudyReply, lang: Lang, opts: { def: StudyDefinition; live: { data: DataSheetLayout; tables: readonly string[] } | null }): Promise<string[]>;
  /** A Data sheet skeleton and result sheets wired to `rows` data rows. */
  insertTemplate(lang: Lang, rows: number): Promise<string[]>;
  /** Re-enter every CITYPANEL.* formula (cells stuck on #NAME?); resolves to how many. */
  repairFormulas(): Promise<number>;
  /** Table ids the engine can build (Tables 1–7 as they become available). */
  readonly availableTables: readonly string[];
  readonly liveFormulasAvailable: boolean;
}

type Step = "data" | "map" | "run" | "output";

/** Rows the template's formulas cover when no data have been read (the paper's 196 cities × 14 years). */
export const DEFAULT_TEMPLATE_ROWS = 2744;

const useStyles = makeStyles({
  root: { padding: "8px 12px 24px", display: "flex", flexDirection: "column", gap: "8px", maxWidth: "640px" },
  top: { display: "flex", justifyContent: "space-between", alignItems: "flex-end", gap: "8px" },
});

/** Any thrown thing as a message in both languages, never a stack trace. */
export function asBilingual(e: unknown): Bilingual {
  if (e instanceof StudyFailed) return e.bilingual;
  const anyE = e as { message?: string; messageZh?: string; localized?: unknown };
  if (anyE && typeof anyE.messageZh === "string") return { en: anyE.message ?? "", zh: anyE.messageZh };
  const m = e instanceof Error ? e.message : String(e);
  return { en: `Excel reported a problem: ${m}`, zh: `Excel 报告了一个问题：${m}` };
}

/** Names of the study's variables (for the single-model pickers). */
export function studyVariables(def: StudyDefinition): string[] {
  const v = [
    def.outcome.name, def.treatment.column, def.treatmentAlt?.column, ...def.controls.map(controlName), ...def.instruments.map((i) => i.name),
    def.mechanisms.cap ? "cap" : undefined, def.mechanisms.ris ? "ris" : undefined, def.mechanisms.ent ? "ent" : undefined,
    ...def.moderators.map((m) => m.name),
  ];
  return [...new Set(v.filter((x): x is string => !!x))];
}

export function App(props: { services: TaskpaneServices; initialLang: Lang }): React.JSX.Element {
  const { services } = props;
  const s = useStyles();
  const [lang, setLang] = React.useState<Lang>(props.initialLang);
  const [step, setStep] = React.useState<Step>("data");
  const [sources, setSources] = React.useState<{ names: string[]; tables: string[] }>({ names: [], tables: [] });
  const [source, setSource] = React.useState<DataSource>({ kind: "selection" });
  const [reading, setReading] = React.useState(false);
  const [readProgress, setReadProgress] = React.useState<{ done: number; total: number } | null>(null);
  const [detected, setDetected] = React.useState<DetectedPanel | null>(null);
  const [dataError, setDataError] = React.useState<Bilingual | null>(null);
  const [saved, setSaved] = React.useState<SavedMapping | null>(null);
  const [def, setDef] = React.useState<StudyDefinition | null>(null);
  const [restoredAt, setRestoredAt] = React.useState<string | null>(null);
  const [savedNote, setSavedNote] = React.useState<string | null>(null);
  const [engineError, setEngineError] = React.useState<FieldErrors>({});
  const [mode, setMode] = React.useState<"tables" | "model">("tables");
  const [selected, setSelected] = React.useState<string[]>([...services.availableTables]);
  const [model, setModel] = React.useState<SingleModelSpec>({ estimator: "fereg", y: "", x: [], fixedEffects: true, vcov: "robust" });
  const [liveFormulas, setLiveFormulas] = React.useState(false);
  const [running, setRunning] = React.useState(false);
  const [progress, setProgress] = React.useState<RunProgress | null>(null);
  const [runError, setRunError] = React.useState<Bilingual | null>(null);
  const [runStatus, setRunStatus] = React.useState<{ key: "cancelled" } | null>(null);
  const [writing, setWriting] = React.useState(false);
  const [written, setWritten] = React.useState<string[]>([]);
  const [outputError, setOutputError] = React.useState<Bilingual | null>(null);
  const [templateSheets, setTemplateSheets] = React.useState<string[] | null>(null);
  const [repaired, setRepaired] = React.useState<number | null>(null);
  const job = React.useRef<StudyJob | null>(null);

  React.useEffect(() => {
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  }, [lang]);
  React.useEffect(() => {
    services.listSources().then(setSources, () => undefined);
    services.loadMapping().then((m) => {
      setSaved(m);
      if (m?.source) setSource(m.source);
    }, () => undefined);
  }, [services]);

  // the summary follows the mapped city / year columns
  const view = React.useMemo(() => {
    if (!detected || !def) return detected;
    const { city, year } = def.columns;
    if (city === detected.summary.city && year === detected.summary.year) return detected;
    return { ...detected, summary: summarise(detected.table, detected.summary.columns, city || undefined, year || undefined) };
  }, [detected, def]);
  const errors: FieldErrors = React.useMemo(
    () => (def && view ? { ...engineError, ...validateStudyMapping(def, view) } : {}),
    [def, view, engineError],
  );

  const read = async () => {
    setReading(true);
    setDataError(null);
    setReadProgress(null);
    try {
      const block = await services.readSource(source, (done, total) => setReadProgress({ done, total }));
      const d = detectPanel(block);
      setDetected(d);
      const fits = saved && d.table.names.includes(saved.definition.columns.city) && d.table.names.includes(saved.definition.columns.year);
      if (fits) {
        setDef(saved!.definition);
        setRestoredAt(new Date(saved!.savedAt).toLocaleString(lang === "zh" ? "zh-CN" : "en-GB"));
      } else {
        setDef(autoMap(d.table.names, { city: d.summary.city, year: d.summary.year }));
        setRestoredAt(null);
      }
      setEngineError({});
    } catch (e) {
      setDataError(asBilingual(e));
    } finally {
      setReading(false);
    }
  };

  const save = async () => {
    if (!def) return;
    try {
      await services.saveMapping(def, source);
      setSavedNote(tr(lang, "saved"));
    } catch (e) {
      setSavedNote(asBilingual(e)[lang]);
    }
  };

  const run = async () => {
    setRunError(null);
    setRunStatus(null);
    if (!detected || !def || !view) { setRunError({ en: tr("en", "readDataFirst"), zh: tr("zh", "readDataFirst") }); return; }
    if (Object.keys(validateStudyMapping(def, view)).length) {
      setRunError({ en: tr("en", "fixMappingFirst"), zh: tr("zh", "fixMappingFirst") });
      return;
    }
    setEngineError({});
    const live = liveFormulas && mode === "tables" ? liveDataLayout(detected) : null;
    if (liveFormulas && mode === "tables" && !live) {
      setRunError({ en: tr("en", "liveNeedsA1", detected.block.source), zh: tr("zh", "liveNeedsA1", detected.block.source) });
      return;
    }
    const chosen = services.availableTables.filter((t) => selected.includes(t));
    const common = { table: detected.table, def, lang, source: detected.block.source };
    const request: StudyRequest = mode === "tables"
      ? { kind: "study", ...common, tables: chosen }
      : { kind: "model", ...common, model };
    setRunning(true);
    setProgress(null);
    const j = services.runner(request, (table, index, total) => setProgress({ table, index, total }));
    job.current = j;
    let result: StudyReply;
    try {
      result = await j.result;
    } catch (e) {
      setRunning(false);
      job.current = null;
      if (e instanceof StudyCancelledByUser) { setRunStatus({ key: "cancelled" }); return; }
      const b = asBilingual(e);
      setRunError(b);
      const field = e instanceof StudyFailed ? fieldOfError(e.wire, def) : undefined;
      if (field) setEngineError({ [field]: b });
      return;
    }
    setRunning(false);
    job.current = null;
    setWriting(true);
    setOutputError(null);
    setStep("output");
    const row = (en: string, zh: string, value: string) => ({ label: { en, zh }, value });
    result = {
      ...result,
      provenance: [
        ...result.provenance,
        row("written by", "写入方式", "CityPanel task pane"),
        row("output", "输出形式", live ? "live CITYPANEL formulas" : "values"),
        row("what was run", "运行内容", mode === "tables" ? chosen.join(", ") : JSON.stringify(model)),
        row("interface language", "界面语言", lang),
      ],
    };
    try {
      const names = await services.writeOutput(result, lang, { def, live: live ? { data: live, tables: chosen } : null });
      setWritten((w) => [...w, ...names]);
      services.saveMapping(def, source).catch(() => undefined);
    } catch (e) {
      setOutputError(asBilingual(e));
    } finally {
      setWriting(false);
    }
  };

  const cancel = () => job.current?.cancel();

  const insertTemplate = async () => {
    setOutputError(null);
    try {
      setTemplateSheets(await services.insertTemplate(lang, detected?.table.rows || DEFAULT_TEMPLATE_ROWS));
    } catch (e) {
      setOutputError(asBilingual(e));
    }
  };

  const repair = async () => {
    setOutputError(null);
    try {
      setRepaired(await services.repairFormulas());
    } catch (e) {
      setOutputError(asBilingual(e));
    }
  };

  const columns = view?.table.names ?? [];
  const numericColumns = view ? view.summary.columns.filter((c) => c.numeric || (c.textCells > 0 && c.textCells <= (view.summary.rows - c.missing) / 2)).map((c) => c.name) : [];

  return (
    <main className={s.root}>
      <div className={s.top}>
        <Title1 as="h1" id="citypanel-title">
          {tr(lang, "appTitle")}
        </Title1>
        <Field label={tr(lang, "language")}>
          <Select value={lang} onChange={(_, d) => setLang(d.value as Lang)} data-testid="lang-select">
            <option value="en">English</option>
            <option value="zh">中文</option>
          </Select>
        </Field>
      </div>
      <TabList selectedValue={step} onTabSelect={(_, d) => setStep(d.value as Step)} aria-label={tr(lang, "steps")}>
        <Tab value="data">{tr(lang, "stepData")}</Tab>
        <Tab value="map" disabled={!def}>{tr(lang, "stepMap")}</Tab>
        <Tab value="run" disabled={!def}>{tr(lang, "stepRun")}</Tab>
        <Tab value="output">{tr(lang, "stepOutput")}</Tab>
      </TabList>
      {step === "data" && (
        <DataStep lang={lang} sources={sources} source={source} onSourceChange={setSource} onRead={read} busy={reading}
          progress={readProgress} detected={view} error={dataError} onNext={() => setStep("map")} />
      )}
      {step === "map" && def && (
        <MapStep lang={lang} def={def} columns={columns} numericColumns={numericColumns} errors={errors}
          onChange={(d) => { setDef(d); setSavedNote(null); setEngineError({}); }}
          onAutoMap={() => view && setDef(autoMap(view.table.names, { city: detected?.summary.city, year: detected?.summary.year }))}
          onSave={save} savedNote={savedNote} restoredAt={restoredAt} onNext={() => setStep("run")} />
      )}
      {step === "run" && def && (
        <RunStep lang={lang} available={services.availableTables} selected={selected} onSelect={setSelected} mode={mode} onMode={setMode}
          model={model} onModel={setModel} variables={studyVariables(def)} columns={columns}
          liveFormulas={liveFormulas} liveAvailable={services.liveFormulasAvailable} onLiveFormulas={setLiveFormulas}
          onRun={run} onCancel={cancel} running={running} progress={progress} error={runError}
          status={runStatus ? tr(lang, runStatus.key) : null} />
      )}
      {step === "output" && (
        <OutputStep lang={lang} writing={writing} written={written} onInsertTemplate={insertTemplate}
          templateStatus={templateSheets ? tr(lang, "templateInserted", templateSheets.join(", ")) : null} error={outputError}
          templateLastRow={(detected?.table.rows || DEFAULT_TEMPLATE_ROWS) + 1}
          onRepairFormulas={repair} repairStatus={repaired === null ? null : tr(lang, "repaired", repaired)} />
      )}
    </main>
  );
}
