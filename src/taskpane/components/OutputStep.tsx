import * as React from "react";
import { Button, MessageBar, MessageBarBody, Spinner, Text, makeStyles } from "@fluentui/react-components";
import { Bilingual, Lang } from "../../engine/i18n/lang";
import { tr } from "../i18n/strings";

const useStyles = makeStyles({ stack: { display: "flex", flexDirection: "column", gap: "8px" } });

export interface OutputStepProps {
  lang: Lang;
  writing: boolean;
  written: readonly string[];
  onInsertTemplate: () => void;
  onRepairFormulas: () => void;
  repairStatus: string | null;
  templateStatus: string | null;
  /** Last data row the template's formulas cover. */
  templateLastRow: number;
  error: Bilingual | null;
}

export function OutputStep(p: OutputStepProps): React.JSX.Element {
  const s = useStyles();
  const { lang } = p;
  return (
    <section aria-labelledby="output-heading" className={s.stack}>
      <h2 id="output-heading">{tr(lang, "stepOutput")}</h2>
      <Text>{tr(lang, "outputIntro")}</Text>
      {p.writing && <Spinner size="tiny" label={tr(lang, "writing")} />}
      <Text weight="semibold">{tr(lang, "written")}</Text>
      {p.written.length ? (
        <ul data-testid="written-sheets">
          {p.written.map((n) => <li key={n}>{n}</li>)}
        </ul>
      ) : (
        <Text>{tr(lang, "writtenNone")}</Text>
      )}
      {p.error && (
        <MessageBar intent="error" data-testid="output-error">
          <MessageBarBody>{p.error[lang]}</MessageBarBody>
        </MessageBar>
      )}
      <div>
        <Button onClick={p.onInsertTemplate}>{tr(lang, "insertTemplate")}</Button>
      </div>
      <Text size={200}>{tr(lang, "insertTemplateHint", p.templateLastRow)}</Text>
      {p.templateStatus && <Text role="status">{p.templateStatus}</Text>}
      <div>
        <Button onClick={p.onRepairFormulas}>{tr(lang, "repairFormulas")}</Button>
      </div>
      <Text size={200}>{tr(lang, "repairFormulasHint")}</Text>
      {p.repairStatus && <Text role="status" data-testid="repair-status">{p.repairStatus}</Text>}
    </section>
  );
}
