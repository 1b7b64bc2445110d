import * as React from "react";
import { Button, Field, Select } from "@fluentui/react-components";
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

/**
 * A labelled group of several controls with its error shown beneath (a fieldset). Fluent's
 * Field must wrap exactly one control: it gives its child the field's id, so several
 * checkboxes inside one Field would share an id and their labels would all point at the first.
 */
export function Group(props: { label: string; hint?: string; error?: string; children: React.ReactNode; "data-testid"?: string }): React.JSX.Element {
  const id = React.useId();
  return (
    <fieldset
      aria-describedby={props.error ? `${id}-err` : undefined}
      aria-invalid={props.error ? true : undefined}
      data-testid={props["data-testid"]}
      style={{ border: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: 6 }}
    >
      <legend style={{ fontWeight: 600, padding: 0, marginBottom: 4 }}>{props.label}</legend>
      {props.hint && <span style={{ fontSize: 12, color: "#616161" }}>{props.hint}</span>}
      {props.children}
      {props.error && (
        <div id={`${id}-err`} role="alert" style={{ color: "#bc2f32", fontSize: 12 }}>
          {props.error}
        </div>
      )}
    </fieldset>
  );
}

/** The options of a column picker: the current value first when it is not among the columns. */
export function columnOptions(current: string, columns: readonly string[]): React.JSX.Element[] {
  return [...new Set([current, ...columns])].map((col) => (
    <option key={col} value={col}>
      {col}
    </option>
  ));
}

/** The small "✕" that removes a row of a list (controls, indicators, instruments …). */
export function RemoveButton(props: { label: string; onClick: () => void }): React.JSX.Element {
  return (
    <Button size="small" appearance="subtle" style={{ minWidth: 0 }} aria-label={props.label} onClick={props.onClick}>
      ✕
    </Button>
  );
}
