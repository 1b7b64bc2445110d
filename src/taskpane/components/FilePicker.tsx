import * as React from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { Lang } from "../../engine/i18n/lang";
import { tr } from "../i18n/strings";

const useStyles = makeStyles({
  zone: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`, borderRadius: "8px", padding: "16px", display: "flex",
    flexDirection: "column", alignItems: "center", gap: "8px", textAlign: "center",
  },
  over: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
});

/** The web app's data source: drop a CSV / .xlsx file here or choose one; it is read in the browser, never uploaded. */
export function FilePicker(props: { lang: Lang; busy: boolean; onFile: (f: File) => void }): React.JSX.Element {
  const s = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const [over, setOver] = React.useState(false);
  const take = (files: FileList | null) => { if (files && files[0]) props.onFile(files[0]); };
  return (
    <div className={over ? `${s.zone} ${s.over}` : s.zone} data-testid="file-drop"
      onDragOver={(e) => { e.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)}
      onDrop={(e) => { e.preventDefault(); setOver(false); take(e.dataTransfer.files); }}>
      <Text>{tr(props.lang, "dropFile")}</Text>
      <Button appearance="primary" disabled={props.busy} onClick={() => input.current?.click()}>{tr(props.lang, "chooseFile")}</Button>
      <input ref={input} type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" hidden
        data-testid="file-input" aria-label={tr(props.lang, "chooseFile")} onChange={(e) => { take(e.target.files); e.target.value = ""; }} />
      <Text size={200}>{tr(props.lang, "fileStaysLocal")}</Text>
    </div>
  );
}
