import * as React from "react";
import { Button, Field, MessageBar, MessageBarBody, ProgressBar, Select, Text, makeStyles } from "@fluentui/react-components";
import { Bilingual, Lang } from "../../engine/i18n/lang";
import { DataSource } from "../model/dataSource";
import { tr } from "../i18n/strings";
import { TaskpaneServices, TemplateOutcome } from "../state/services";
import { DataStepState } from "../state/useDataStep";
import { FilePicker } from "./FilePicker";
import { WorkbookTools } from "./WorkbookTools";

const useStyles = makeStyles({
  grid: { display: "grid", gridTemplateColumns: "auto 1fr", columnGap: "12px", rowGap: "2px", margin: "8px 0" },
  cols: { maxHeight: "220px", overflowY: "auto", fontSize: "12px", border: "1px solid #e0e0e0" },
  table: { borderCollapse: "collapse", width: "100%", "& th, & td": { padding: "1px 6px", textAlign: "left" } },
  stack: { display: "flex", flexDirection: "column", gap: "8px" },
});

const sourceKey = (s: DataSource) => (s.kind === "selection" ? "selection" : `${s.kind}:${s.name}`);
const parseSourceKey = (k: string): DataSource => {
  if (k === "selection") return { kind: "selection" };
  const i = k.indexOf(":");
  return { kind: k.slice(0, i) as "name" | "table", name: k.slice(i + 1) };
};

/** The workbook tools' state and actions (Insert template, Repair formulas; the add-in only). */
export interface ToolsProps {
  template: TemplateOutcome | null;
  repaired: number | null;
  error: Bilingual | null;
  templateLastRow: number;
  onInsertTemplate: () => void;
  onRepair: () => void;
}

export interface DataStepProps {
  lang: Lang;
  services: Pick<TaskpaneServices, "openFile" | "insertTemplate" | "repairFormulas">;
  state: DataStepState;
  onSourceChange: (s: DataSource) => void;
  onRead: () => void;
  onFile: (f: File) => void;
  onNext: () => void;
  tools: ToolsProps;
}

/** Step 1: where the panel is (Excel: selection / name / table; web app: a file), and what it looks like. */
export function DataStep(p: DataStepProps): React.JSX.Element {
  const s = useStyles();
  const { lang, state } = p;
  const { detected } = state;
  const sum = detected?.summary;
  const web = !!p.services.openFile;
  const error = state.error ? (
    <MessageBar intent="error" data-testid="data-error"><MessageBarBody>{state.error[lang]}</MessageBarBody></MessageBar>
  ) : null;
  return (
    <section aria-labelledby="data-heading" className={s.stack}>
      <h2 id="data-heading">{tr(lang, "stepData")}</h2>
      <Text>{tr(lang, web ? "dataIntroWeb" : "dataIntro")}</Text>
      {web ? (<><FilePicker lang={lang} busy={state.reading} onFile={p.onFile} />{error}</>) : (<>
      <Field label={tr(lang, "source")} validationState={state.error ? "error" : "none"} validationMessage={state.error ? state.error[lang] : undefined}>
        <Select value={sourceKey(state.source)} onChange={(_, d) => p.onSourceChange(parseSourceKey(d.value))}>
          <option value="selection">{tr(lang, "sourceSelection")}</option>
          {state.sources.names.map((n) => (
            <option key={`n${n}`} value={`name:${n}`}>
              {tr(lang, "sourceName", n)}
            </option>
          ))}
          {state.sources.tables.map((n) => (
            <option key={`t${n}`} value={`table:${n}`}>
              {tr(lang, "sourceTable", n)}
            </option>
          ))}
        </Select>
      </Field>
      <div>
        <Button appearance="primary" onClick={p.onRead} disabled={state.reading}>
          {tr(lang, "readData")}
        </Button>
      </div>
      </>)}
      {state.reading && state.progress && (
        <Field validationMessage={tr(lang, "reading", state.progress.done, state.progress.total)} validationState="none">
          <ProgressBar value={state.progress.total ? state.progress.done / state.progress.total : 0} />
        </Field>
      )}
      {detected && sum && (
        <div data-testid="data-summary">
          <Text weight="semibold">{tr(lang, "readFrom", detected.block.source)}</Text>
          <div className={s.grid}>
            <span>{tr(lang, "headerRow")}</span>
            <span>{tr(lang, "headerAt", detected.block.rowIndex + detected.headerRow + 1)}</span>
            <span>{tr(lang, "nObs")}</span>
            <strong data-testid="sum-n">{sum.rows}</strong>
            <span>{tr(lang, "cityColumn")}</span>
            <span>{sum.city ?? tr(lang, "notFound")}</span>
            <span>{tr(lang, "yearColumn")}</span>
            <span>{sum.year ?? tr(lang, "notFound")}</span>
            <span>{tr(lang, "nCities")}</span>
            <strong data-testid="sum-cities">{sum.cities}</strong>
            <span>{tr(lang, "nYears")}</span>
            <strong data-testid="sum-years">
              {sum.years}
              {sum.yearMin !== undefined ? ` (${tr(lang, "yearRange", sum.yearMin, sum.yearMax ?? "")})` : ""}
            </strong>
            <span>{tr(lang, "missingCells")}</span>
            <strong data-testid="sum-missing">
              {tr(lang, "missingSummary", sum.columns.reduce((a, c) => a + c.missing, 0), sum.columns.filter((c) => c.missing > 0).length)}
            </strong>
            <span>{tr(lang, "balance")}</span>
            <strong data-testid="sum-balance">
              {tr(lang, sum.balanced ? "balanced" : "unbalanced")}
              {sum.duplicates > 0 ? `; ${tr(lang, "duplicates", sum.duplicates)}` : ""}
            </strong>
          </div>
          <details>
            <summary>{tr(lang, "columnsTitle")} ({sum.columns.length})</summary>
            <div className={s.cols}>
              <table className={s.table}>
                <thead>
                  <tr>
                    <th>{tr(lang, "colName")}</th>
                    <th>{tr(lang, "colType")}</th>
                    <th>{tr(lang, "colMissing")}</th>
                  </tr>
                </thead>
                <tbody>
                  {sum.columns.map((c) => (
                    <tr key={c.name}>
                      <td>{c.name}</td>
                      <td>{tr(lang, c.numeric ? "typeNumeric" : c.missing === sum.rows ? "typeEmpty" : "typeText")}</td>
                      <td>{c.missing}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
          {sum.rows === 0 && (
            <MessageBar intent="warning">
              <MessageBarBody>{tr(lang, "tooFewRows")}</MessageBarBody>
            </MessageBar>
          )}
          <div style={{ marginTop: 8 }}>
            <Button appearance="primary" onClick={p.onNext} disabled={sum.rows === 0}>
              {tr(lang, "continueToMap")}
            </Button>
          </div>
        </div>
      )}
      {p.services.insertTemplate && p.services.repairFormulas && <WorkbookTools lang={lang} {...p.tools} />}
    </section>
  );
}
