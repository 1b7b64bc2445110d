import * as React from "react";
import { Field, Select } from "@fluentui/react-components";
import { Bilingual, Lang } from "../../engine/i18n/lang";
import { tr } from "../i18n/strings";

/** A labelled column picker with an optional error shown beneath it (Fluent Field). */
export function ColumnSelect(props: {
  lang: Lang;
  label: string;
  value: string | undefined;
  columns: readonly string[];
  onChange: (v: string) => void;
  error?: Bilingual;
  allowNone?: boolean;
  hint?: string;
  "data-testid"?: string;
}): React.JSX.Element {
  const { lang, label, value, columns, onChange, error, allowNone = true, hint } = props;
  const opts = value && !columns.includes(value) ? [value, ...columns] : columns;
  return (
    <Field label={label} hint={hint} validationState={error ? "error" : "none"} validationMessage={error ? error[lang] : undefined}>
      <Select value={value ?? ""} onChange={(_, d) => onChange(d.value)} data-testid={props["data-testid"]}>
        {(allowNone || !value) && <option value="">{tr(lang, "none")}</option>}
        {opts.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** A bilingual message in the current language. */
export const say = (m: Bilingual | null | undefined, lang: Lang): string => (m ? m[lang] : "");
