import * as React from "react";
import { Button, Checkbox, Field, MessageBar, MessageBarBody, ProgressBar, Radio, RadioGroup, Select, Text, makeStyles } from "@fluentui/react-components";
import { Lang, t } from "../../engine/i18n/lang";
import { designOf, TABLE_IDS, TableId } from "../../engine/study/design/studyDesign";
import { VcovType } from "../../engine/vcov/types";
import { SingleModelSpec } from "../worker/protocol";
import { RunChoice, RunState } from "../state/useStudyRun";
import { tr } from "../i18n/strings";
import { ColumnSelect, Group } from "./common";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: "8px" },
  row: { display: "flex", gap: "8px", alignItems: "center" },
  checks: { maxHeight: "160px", overflowY: "auto", display: "flex", flexDirection: "column" },
});

/** The study's tables and their names come from the engine's study design (one registry for every face). */
export const ALL_TABLES: readonly TableId[] = TABLE_IDS;

export interface RunStepProps {
  lang: Lang;
  /** Table ids the engine can build; the others show as not available. */
  available: readonly string[];
  liveAvailable: boolean;
  /** The study's variables (model pickers) and the data's columns (cluster picker). */
  names: { variables: readonly string[]; columns: readonly string[] };
  choice: RunChoice;
  onChoice: (patch: Partial<RunChoice>) => void;
  state: RunState;
  onRun: () => void;
  onCancel: () => void;
}

export function RunStep(p: RunStepProps): React.JSX.Element {
  const s = useStyles();
  const { lang, choice, state } = p;
  const { model } = choice;
  const { variables, columns } = p.names;
  const [local, setLocal] = React.useState<Partial<Record<"tables" | "y" | "x" | "endog" | "iv", string>>>({});
  const setModel = (patch: Partial<SingleModelSpec>) => p.onChoice({ model: { ...model, ...patch } });
  const select = (tables: string[]) => p.onChoice({ tables });
  const toggle = (list: readonly string[], v: string, on: boolean) => (on ? [...list, v] : list.filter((x) => x !== v));
  const tableLabel = (id: string) => t(designOf(id as TableId).sheet, lang);

  const run = () => {
    const e: typeof local = {};
    if (choice.mode === "tables" && choice.tables.length === 0) e.tables = tr(lang, "chooseTable");
    if (choice.mode === "model") {
      if (!model.y) e.y = tr(lang, "chooseY");
      if (model.estimator === "fereg" && model.x.length === 0) e.x = tr(lang, "chooseX");
      if (model.estimator === "iv2sls" && !(model.endog ?? []).length) e.endog = tr(lang, "chooseEndog");
      if (model.estimator === "iv2sls" && !(model.instruments ?? []).length) e.iv = tr(lang, "chooseIv");
    }
    setLocal(e);
    if (Object.keys(e).length === 0) p.onRun();
  };
  const fieldErr = (k: keyof typeof local) => (local[k] ? { validationState: "error" as const, validationMessage: local[k] } : {});
  const allOn = p.available.every((id) => choice.tables.includes(id));

  return (
    <section aria-labelledby="run-heading" className={s.stack}>
      <h2 id="run-heading">{tr(lang, "stepRun")}</h2>
      <Text>{tr(lang, "runIntro")}</Text>
      <Field label={tr(lang, "whatToRun")}>
        <RadioGroup value={choice.mode} onChange={(_, d) => p.onChoice({ mode: d.value as "tables" | "model" })} layout="horizontal">
          <Radio value="tables" label={tr(lang, "modeTables")} />
          <Radio value="model" label={tr(lang, "modeModel")} />
        </RadioGroup>
      </Field>
      {choice.mode === "tables" ? (
        <Group label={tr(lang, "tablesLabel")} error={local.tables} data-testid="run-tables">
          <div className={s.stack}>
            <Checkbox label={tr(lang, "selectAll")} checked={allOn ? true : choice.tables.length ? "mixed" : false}
              onChange={() => select(allOn ? [] : [...p.available])} />
            {ALL_TABLES.map((id) => {
              const ok = p.available.includes(id);
              return (
                <Checkbox key={id} disabled={!ok} checked={ok && choice.tables.includes(id)}
                  label={ok ? tableLabel(id) : `${tableLabel(id)} ${tr(lang, "notAvailable")}`}
                  onChange={(_, d) => select(toggle(choice.tables, id, !!d.checked))} />
              );
            })}
          </div>
        </Group>
      ) : (
        <div className={s.stack} data-testid="run-model">
          <Field label={tr(lang, "estimator")}>
            <Select value={model.estimator} onChange={(_, d) => setModel({ estimator: d.value as "fereg" | "iv2sls" })}>
              <option value="fereg">{tr(lang, "fereg")}</option>
              <option value="iv2sls">{tr(lang, "iv2sls")}</option>
            </Select>
          </Field>
          <Field label={tr(lang, "depVar")} {...fieldErr("y")}>
            <Select value={model.y} onChange={(_, d) => setModel({ y: d.value })}>
              <option value="">{tr(lang, "none")}</option>
              {variables.map((v) => <option key={v} value={v}>{v}</option>)}
            </Select>
          </Field>
          {model.estimator === "iv2sls" && (
            <Field label={tr(lang, "endogenous")} {...fieldErr("endog")}>
              <Select value={model.endog?.[0] ?? ""} onChange={(_, d) => setModel({ endog: d.value ? [d.value] : [] })}>
                <option value="">{tr(lang, "none")}</option>
                {variables.map((v) => <option key={v} value={v}>{v}</option>)}
              </Select>
            </Field>
          )}
          <Group label={tr(lang, "regressors")} error={local.x}>
            <div className={s.checks}>
              {variables.map((v) => (
                <Checkbox key={v} label={v} checked={model.x.includes(v)} onChange={(_, d) => setModel({ x: toggle(model.x, v, !!d.checked) })} />
              ))}
            </div>
          </Group>
          {model.estimator === "iv2sls" && (
            <Group label={tr(lang, "ivs")} error={local.iv}>
              <div className={s.checks}>
                {variables.map((v) => (
                  <Checkbox key={v} label={v} checked={(model.instruments ?? []).includes(v)}
                    onChange={(_, d) => setModel({ instruments: toggle(model.instruments ?? [], v, !!d.checked) })} />
                ))}
              </div>
            </Group>
          )}
          <Checkbox label={tr(lang, "withFe")} checked={model.fixedEffects} disabled={model.estimator === "iv2sls"}
            onChange={(_, d) => setModel({ fixedEffects: !!d.checked })} />
          <Field label={tr(lang, "vce")}>
            <Select value={model.vcov} onChange={(_, d) => setModel({ vcov: d.value as VcovType, cluster: d.value === "cluster" ? model.cluster : undefined })}>
              <option value="robust">{tr(lang, "vceRobust")}</option>
              <option value="cluster">{tr(lang, "vceCluster")}</option>
              <option value="iid">{tr(lang, "vceIid")}</option>
            </Select>
          </Field>
          {model.vcov === "cluster" && (
            <ColumnSelect lang={lang} label={tr(lang, "clusterBy")} value={model.cluster} columns={columns} onChange={(v) => setModel({ cluster: v || undefined })} />
          )}
        </div>
      )}
      {p.liveAvailable && (
        <Checkbox label={tr(lang, "liveFormulas")} checked={choice.liveFormulas} onChange={(_, d) => p.onChoice({ liveFormulas: !!d.checked })} />
      )}
      <div className={s.row}>
        <Button appearance="primary" onClick={run} disabled={state.running}>
          {tr(lang, "run")}
        </Button>
        <Button onClick={p.onCancel} disabled={!state.running}>
          {tr(lang, "cancel")}
        </Button>
      </div>
      {state.running && (
        <Field validationState="none" validationMessage={state.progress ? tr(lang, "progressOf", state.progress.index, state.progress.total, tableLabel(state.progress.table)) : tr(lang, "running")}>
          <ProgressBar value={state.progress ? state.progress.index / state.progress.total : undefined} aria-label={tr(lang, "running")} data-testid="run-progress" />
        </Field>
      )}
      {state.cancelled && <Text role="status" data-testid="run-status">{tr(lang, "cancelled")}</Text>}
      {state.error && (
        <MessageBar intent="error" data-testid="run-error">
          <MessageBarBody>{state.error[lang]}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
