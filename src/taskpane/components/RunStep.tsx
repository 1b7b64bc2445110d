import * as React from "react";
import { Button, Checkbox, Field, MessageBar, MessageBarBody, ProgressBar, Radio, RadioGroup, Select, Text, makeStyles } from "@fluentui/react-components";
import { Bilingual, Lang } from "../../engine/i18n/lang";
import { VcovType } from "../../engine/vcov/types";
import { SingleModelSpec } from "../worker/protocol";
import { StringKey, tr } from "../i18n/strings";
import { ColumnSelect, Group } from "./common";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: "8px" },
  row: { display: "flex", gap: "8px", alignItems: "center" },
  checks: { maxHeight: "160px", overflowY: "auto", display: "flex", flexDirection: "column" },
});

export const ALL_TABLES = ["table1", "table2", "table3", "table4", "table5", "table6", "table7"] as const;

export interface RunProgress {
  readonly index: number;
  readonly total: number;
  readonly table: string;
}

export interface RunStepProps {
  lang: Lang;
  available: readonly string[];
  selected: readonly string[];
  onSelect: (tables: string[]) => void;
  mode: "tables" | "model";
  onMode: (m: "tables" | "model") => void;
  model: SingleModelSpec;
  onModel: (m: SingleModelSpec) => void;
  variables: readonly string[];
  columns: readonly string[];
  liveFormulas: boolean;
  liveAvailable: boolean;
  onLiveFormulas: (v: boolean) => void;
  onRun: () => void;
  onCancel: () => void;
  running: boolean;
  progress: RunProgress | null;
  /** A problem that stops the run (mapping, data, engine), already in both languages. */
  error: Bilingual | null;
  status: string | null;
}

export function RunStep(p: RunStepProps): React.JSX.Element {
  const s = useStyles();
  const { lang, model } = p;
  const [local, setLocal] = React.useState<Partial<Record<"tables" | "y" | "x" | "endog" | "iv", string>>>({});
  const setModel = (patch: Partial<SingleModelSpec>) => p.onModel({ ...model, ...patch });
  const toggle = (list: readonly string[], v: string, on: boolean) => (on ? [...list, v] : list.filter((x) => x !== v));
  const tableLabel = (id: string) => tr(lang, id as StringKey);

  const run = () => {
    const e: typeof local = {};
    if (p.mode === "tables" && p.selected.length === 0) e.tables = tr(lang, "chooseTable");
    if (p.mode === "model") {
      if (!model.y) e.y = tr(lang, "chooseY");
      if (model.estimator === "fereg" && model.x.length === 0) e.x = tr(lang, "chooseX");
      if (model.estimator === "iv2sls" && !(model.endog ?? []).length) e.endog = tr(lang, "chooseEndog");
      if (model.estimator === "iv2sls" && !(model.instruments ?? []).length) e.iv = tr(lang, "chooseIv");
    }
    setLocal(e);
    if (Object.keys(e).length === 0) p.onRun();
  };
  const fieldErr = (k: keyof typeof local) => (local[k] ? { validationState: "error" as const, validationMessage: local[k] } : {});
  const allOn = p.available.every((id) => p.selected.includes(id));

  return (
    <section aria-labelledby="run-heading" className={s.stack}>
      <h2 id="run-heading">{tr(lang, "stepRun")}</h2>
      <Text>{tr(lang, "runIntro")}</Text>
      <Field label={tr(lang, "whatToRun")}>
        <RadioGroup value={p.mode} onChange={(_, d) => p.onMode(d.value as "tables" | "model")} layout="horizontal">
          <Radio value="tables" label={tr(lang, "modeTables")} />
          <Radio value="model" label={tr(lang, "modeModel")} />
        </RadioGroup>
      </Field>
      {p.mode === "tables" ? (
        <Group label={tr(lang, "tablesLabel")} error={local.tables} data-testid="run-tables">
          <div className={s.stack}>
            <Checkbox label={tr(lang, "selectAll")} checked={allOn ? true : p.selected.length ? "mixed" : false}
              onChange={() => p.onSelect(allOn ? [] : [...p.available])} />
            {ALL_TABLES.map((id) => {
              const ok = p.available.includes(id);
              return (
                <Checkbox key={id} disabled={!ok} checked={ok && p.selected.includes(id)}
                  label={ok ? tableLabel(id) : `${tableLabel(id)} ${tr(lang, "notAvailable")}`}
                  onChange={(_, d) => p.onSelect(toggle(p.selected, id, !!d.checked))} />
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
              {p.variables.map((v) => <option key={v} value={v}>{v}</option>)}
            </Select>
          </Field>
          {model.estimator === "iv2sls" && (
            <Field label={tr(lang, "endogenous")} {...fieldErr("endog")}>
              <Select value={model.endog?.[0] ?? ""} onChange={(_, d) => setModel({ endog: d.value ? [d.value] : [] })}>
                <option value="">{tr(lang, "none")}</option>
                {p.variables.map((v) => <option key={v} value={v}>{v}</option>)}
              </Select>
            </Field>
          )}
          <Group label={tr(lang, "regressors")} error={local.x}>
            <div className={s.checks}>
              {p.variables.map((v) => (
                <Checkbox key={v} label={v} checked={model.x.includes(v)} onChange={(_, d) => setModel({ x: toggle(model.x, v, !!d.checked) })} />
              ))}
            </div>
          </Group>
          {model.estimator === "iv2sls" && (
            <Group label={tr(lang, "ivs")} error={local.iv}>
              <div className={s.checks}>
                {p.variables.map((v) => (
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
            <ColumnSelect lang={lang} label={tr(lang, "clusterBy")} value={model.cluster} columns={p.columns} onChange={(v) => setModel({ cluster: v || undefined })} />
          )}
        </div>
      )}
      <Checkbox label={tr(lang, "liveFormulas")} checked={p.liveFormulas} disabled={!p.liveAvailable} onChange={(_, d) => p.onLiveFormulas(!!d.checked)} />
      {!p.liveAvailable && <Text size={200}>{tr(lang, "liveFormulasUnavailable")}</Text>}
      <div className={s.row}>
        <Button appearance="primary" onClick={run} disabled={p.running}>
          {tr(lang, "run")}
        </Button>
        <Button onClick={p.onCancel} disabled={!p.running}>
          {tr(lang, "cancel")}
        </Button>
      </div>
      {p.running && (
        <Field validationState="none" validationMessage={p.progress ? tr(lang, "progressOf", p.progress.index, p.progress.total, tableLabel(p.progress.table)) : tr(lang, "running")}>
          <ProgressBar value={p.progress ? p.progress.index / p.progress.total : undefined} aria-label={tr(lang, "running")} data-testid="run-progress" />
        </Field>
      )}
      {p.status && <Text role="status" data-testid="run-status">{p.status}</Text>}
      {p.error && (
        <MessageBar intent="error" data-testid="run-error">
          <MessageBarBody>{p.error[lang]}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
