import * as React from "react";
import { Button, MessageBar, MessageBarBody, Text, makeStyles } from "@fluentui/react-components";
import { Lang } from "../../engine/i18n/lang";
import { tr } from "../i18n/strings";
import { ToolsProps } from "./DataStep";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: "6px", marginTop: "12px", paddingTop: "8px", borderTop: "1px solid #e0e0e0" },
});

/** The add-in's workbook tools, reachable before any data are read: Insert template and Repair formulas. */
export function WorkbookTools(p: ToolsProps & { lang: Lang }): React.JSX.Element {
  const s = useStyles();
  const { lang, template } = p;
  return (
    <section aria-labelledby="tools-heading" className={s.box} data-testid="workbook-tools">
      <h3 id="tools-heading" style={{ margin: 0 }}>{tr(lang, "toolsTitle")}</h3>
      <div>
        <Button onClick={p.onInsertTemplate}>{tr(lang, "insertTemplate")}</Button>
      </div>
      <Text size={200}>{tr(lang, "insertTemplateHint", p.templateLastRow)}</Text>
      {template && (
        <Text role="status" data-testid="template-status">
          {tr(lang, template.reused ? "templateReused" : "templateInserted", template.sheets.join(", "))}
        </Text>
      )}
      <div>
        <Button onClick={p.onRepair}>{tr(lang, "repairFormulas")}</Button>
      </div>
      <Text size={200}>{tr(lang, "repairFormulasHint")}</Text>
      {p.repaired !== null && <Text role="status" data-testid="repair-status">{tr(lang, "repaired", p.repaired)}</Text>}
      {p.error && (
        <MessageBar intent="error" data-testid="tools-error">
          <MessageBarBody>{p.error[lang]}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
