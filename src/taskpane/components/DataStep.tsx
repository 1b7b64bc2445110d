import * as React from "react";
import { Button, Field, MessageBar, MessageBarBody, ProgressBar, Select, Text, makeStyles } from "@fluentui/react-components";
import { Bilingual, Lang } from "../../engine/i18n/lang";
import { DetectedPanel } from "../model/detectPanel";
import { DataSource } from "../excel/workbook";
import { tr } from "../i18n/strings";

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

export interface DataStepProps {
  lang: Lang;
  sources: { names: string[]; tables: string[] };
  source: DataSource;
  onSourceChange: (s: DataSource) => void;
  onRead: () => void;
  busy: boolean;
  progress: { done: number; total: number } | null;
  detected: DetectedPanel | null;
  error: Bilingual | null;
  onNext: () => void;
}

export function DataStep(p: DataStepProps): React.JSX.Element {
  const s = useStyles();
  const { lang, detected } = p;
  const sum = detected?.summary;
  return (
    <section aria-labelledby="data-heading" className={s.stack}>
      <h2 id="data-heading">{tr(lang, "stepData")}</h2>
      <Text>{tr(lang, "dataIntro")}</Text>
      <Field label={tr(lang, "source")} validationState={p.error ? "error" : "none"} validationMessage={p.error ? p.error[lang] : undefined}>
        <Select value={sourceKey(p.source)} onChange={(_, d) => p.onSourceChange(parseSourceKey(d.value))}>
          <option value="selection">{tr(lang, "sourceSelection")}</option>
          {p.sources.names.map((n) => (
            <option key={`n${n}`} value={`name:${n}`}>
              {tr(lang, "sourceName", n)}
            </option>
          ))}
          {p.sources.tables.map((n) => (
            <option key={`t${n}`} value={`table:${n}`}>
              {tr(lang, "sourceTable", n)}
            </option>
          ))}
        </Select>
      </Field>
      <div>
        <Button appearance="primary" onClick={p.onRead} disabled={p.busy}>
          {tr(lang, "readData")}
        </Button>
      </div>
      {p.busy && p.progress && (
        <Field validationMessage={tr(lang, "reading", p.progress.done, p.progress.total)} validationState="none">
          <ProgressBar value={p.progress.total ? p.progress.done / p.progress.total : 0} />
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
    </section>
  );
}
