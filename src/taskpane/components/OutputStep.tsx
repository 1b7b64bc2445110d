import * as React from "react";
import { Button, MessageBar, MessageBarBody, Spinner, Text, makeStyles } from "@fluentui/react-components";
import { Lang } from "../../engine/i18n/lang";
import { tr } from "../i18n/strings";
import { OutputState } from "../state/useOutput";

const useStyles = makeStyles({ stack: { display: "flex", flexDirection: "column", gap: "8px" } });

export interface OutputStepProps {
  lang: Lang;
  state: OutputState;
  /** The web app: save results.xlsx (absent in the add-in, which writes into the workbook). */
  onDownload?: () => void;
}

/** Step 4: the sheets written into the workbook, or (web app) the workbook to download. */
export function OutputStep(p: OutputStepProps): React.JSX.Element {
  const s = useStyles();
  const { lang, state } = p;
  const web = !!p.onDownload;
  return (
    <section aria-labelledby="output-heading" className={s.stack}>
      <h2 id="output-heading">{tr(lang, "stepOutput")}</h2>
      <Text>{tr(lang, web ? "outputIntroWeb" : "outputIntro")}</Text>
      {state.writing && <Spinner size="tiny" label={tr(lang, web ? "writingWorkbook" : "writing")} />}
      {web && state.written.length > 0 && (
        <div>
          <Button appearance="primary" onClick={p.onDownload} data-testid="download-results">{tr(lang, "downloadResults")}</Button>
        </div>
      )}
      <Text weight="semibold">{tr(lang, web ? "workbookSheets" : "written")}</Text>
      {state.written.length ? (
        <ul data-testid="written-sheets">
          {state.written.map((n, i) => <li key={`${i}-${n}`}>{n}</li>)}
        </ul>
      ) : (
        <Text>{tr(lang, "writtenNone")}</Text>
      )}
      {state.error && (
        <MessageBar intent="error" data-testid="output-error">
          <MessageBarBody>{state.error[lang]}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
