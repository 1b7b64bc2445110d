import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { Lang } from "../../engine/i18n/lang";
import { StudyDefinition } from "../../engine/study/definition";
import { tr } from "../i18n/strings";
import { matchSummary } from "../model/matchSummary";

const useStyles = makeStyles({
  box: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: "4px", padding: "6px 8px", fontSize: "12px" },
  grid: { display: "grid", gridTemplateColumns: "max-content 1fr", columnGap: "10px", rowGap: "2px", margin: "4px 0 0" },
  none: { color: tokens.colorNeutralForeground3 },
});

/** The Map step's "matched automatically" list: every role and the columns found for it by name. */
export function AutoMatched(props: { lang: Lang; def: StudyDefinition }): React.JSX.Element {
  const s = useStyles();
  const { lang } = props;
  const lines = matchSummary(props.def);
  const found = lines.filter((l) => l.columns.length > 0).length;
  return (
    <div className={s.box} data-testid="auto-matched">
      <strong>{tr(lang, "autoMatchedTitle", found, lines.length)}</strong>
      <dl className={s.grid}>
        {lines.map((l) => (
          <React.Fragment key={l.role}>
            <dt>{tr(lang, l.role)}</dt>
            <dd style={{ margin: 0 }} className={l.columns.length ? undefined : s.none}>
              {l.columns.length ? l.columns.join(", ") : tr(lang, "notFound")}
            </dd>
          </React.Fragment>
        ))}
      </dl>
    </div>
  );
}
