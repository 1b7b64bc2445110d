import * as React from "react";
import { Field, Select, Subtitle2, Tab, TabList, Title1, makeStyles } from "@fluentui/react-components";
import { Lang } from "../../engine/i18n/lang";
import { controlName, StudyDefinition } from "../../engine/study/definition";
import { summarise } from "../model/detectPanel";
import { FieldErrors, validateStudyMapping } from "../model/validate";
import { TaskpaneServices } from "../state/services";
import { useDataStep } from "../state/useDataStep";
import { useMapping } from "../state/useMapping";
import { useOutput } from "../state/useOutput";
import { useStudyRun } from "../state/useStudyRun";
import { tr } from "../i18n/strings";
import { DataStep } from "./DataStep";
import { MapStep } from "./MapStep";
import { RunStep } from "./RunStep";
import { OutputStep } from "./OutputStep";

export type { TaskpaneServices } from "../state/services";

type Step = "data" | "map" | "run" | "output";

/** Rows the template's formulas cover when no data have been read (the paper's 196 cities × 14 years). */
export const DEFAULT_TEMPLATE_ROWS = 2744;

const useStyles = makeStyles({
  root: { padding: "8px 12px 24px", display: "flex", flexDirection: "column", gap: "8px", maxWidth: "640px" },
  top: { display: "flex", justifyContent: "space-between", alignItems: "flex-end", gap: "8px" },
  titles: { display: "flex", flexDirection: "column" },
});

/** Names of the study's variables (for the single-model pickers). */
export function studyVariables(def: StudyDefinition): string[] {
  const v = [
    def.outcome.name, def.treatment.column, def.treatmentAlt?.column, ...def.controls.map(controlName), ...def.instruments.map((i) => i.name),
    def.mechanisms.cap ? "cap" : undefined, def.mechanisms.ris ? "ris" : undefined, def.mechanisms.ent ? "ent" : undefined,
    ...def.moderators.map((m) => m.name),
  ];
  return [...new Set(v.filter((x): x is string => !!x))];
}

/**
 * The four steps — Data → Map → Run → Output — over `services` (Excel in the add-in, a file
 * and a download in the web app). Each step's state lives in its own hook (../state).
 */
export function App(props: { services: TaskpaneServices; initialLang: Lang }): React.JSX.Element {
  const { services } = props;
  const s = useStyles();
  const [lang, setLang] = React.useState<Lang>(props.initialLang);
  const [step, setStep] = React.useState<Step>("data");
  const mapping = useMapping(services, lang, (source) => data.setSource(source));
  const data = useDataStep(services, mapping.adopt);
  const run = useStudyRun(services);
  const output = useOutput(services);
  const { detected } = data.state;
  const { def } = mapping.state;

  React.useEffect(() => {
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  }, [lang]);

  // the summary follows the mapped city / year columns
  const view = React.useMemo(() => {
    if (!detected || !def) return detected;
    const { city, year } = def.columns;
    if (city === detected.summary.city && year === detected.summary.year) return detected;
    return { ...detected, summary: summarise(detected.table, detected.summary.columns, city || undefined, year || undefined) };
  }, [detected, def]);
  const errors: FieldErrors = React.useMemo(
    () => (def && view ? { ...mapping.state.engineErrors, ...validateStudyMapping(def, view) } : {}),
    [def, view, mapping.state.engineErrors],
  );

  const start = () =>
    run.run({ detected, view, def, lang }, mapping.setEngineErrors, async (outcome) => {
      setStep("output");
      if (await output.write(outcome, lang)) services.saveMapping(outcome.def, data.state.source).catch(() => undefined);
    });

  const columns = view?.table.names ?? [];
  const numericColumns = view ? view.summary.columns.filter((c) => c.numeric || (c.textCells > 0 && c.textCells <= (view.summary.rows - c.missing) / 2)).map((c) => c.name) : [];
  const templateRows = detected?.table.rows || DEFAULT_TEMPLATE_ROWS;
  const o = output.state;
  const outputReached = o.writing || o.written.length > 0 || o.error !== null;

  return (
    <main className={s.root}>
      <div className={s.top}>
        <div className={s.titles}>
          <Title1 as="h1" id="citypanel-title">CityPanel</Title1>
          <Subtitle2 as="p" id="citypanel-subtitle" style={{ margin: 0 }}>{tr(lang, "appSubtitle")}</Subtitle2>
        </div>
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
        <Tab value="output" disabled={!outputReached}>{tr(lang, "stepOutput")}</Tab>
      </TabList>
      {step === "data" && (
        <DataStep lang={lang} services={services} state={{ ...data.state, detected: view }} onSourceChange={data.setSource} onRead={data.read} onFile={data.openFile}
          onNext={() => setStep("map")} tools={{ template: o.template, repaired: o.repaired, error: o.toolError, templateLastRow: templateRows + 1,
            onInsertTemplate: () => output.insertTemplate(lang, templateRows), onRepair: output.repair }} />
      )}
      {step === "map" && def && (
        <MapStep lang={lang} def={def} auto={mapping.state.auto} columns={columns} numericColumns={numericColumns} errors={errors}
          onChange={mapping.change} onAutoMap={() => view && mapping.matchAgain(view)}
          onSave={() => mapping.save(data.state.source)} savedNote={mapping.state.savedNote} restoredAt={mapping.state.restoredAt}
          canSave={!services.openFile} onNext={() => setStep("run")} />
      )}
      {step === "run" && def && (
        <RunStep lang={lang} available={services.availableTables} liveAvailable={services.liveFormulasAvailable}
          names={{ variables: studyVariables(def), columns }} choice={run.choice} onChoice={run.change}
          state={run.state} onRun={start} onCancel={run.cancel} />
      )}
      {step === "output" && (
        <OutputStep lang={lang} state={o} onDownload={services.downloadOutput} />
      )}
    </main>
  );
}
