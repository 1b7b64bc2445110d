import * as React from "react";
import { Checkbox, Field, Select } from "@fluentui/react-components";
import { Lang } from "../../engine/i18n/lang";
import { TableOptions } from "../../engine/study/definition";
import { tr } from "../i18n/strings";

type R2Rows = NonNullable<TableOptions["r2"]>;

/**
 * How the tables are printed (the study definition's `tableOptions`, as in the CLI's config):
 * which R² rows the regression tables show, and digits grouped in threes as the paper prints
 * them. Defaults are the paper's R² row and ungrouped digits; an option set back to its default
 * is left out of the definition.
 */
export function TableOptionsFields(p: { lang: Lang; options: TableOptions | undefined; onChange: (options: TableOptions | undefined) => void }): React.JSX.Element {
  const { lang } = p;
  const options = p.options ?? {};
  const set = (patch: Partial<TableOptions>) => {
    const next: TableOptions = { ...options, ...patch };
    const kept: TableOptions = {
      ...(next.r2 && next.r2 !== "overall" ? { r2: next.r2 } : {}),
      ...(next.digitGrouping ? { digitGrouping: true } : {}),
    };
    p.onChange(Object.keys(kept).length ? kept : undefined);
  };
  return (
    <>
      <Field label={tr(lang, "r2Rows")}>
        <Select value={options.r2 ?? "overall"} onChange={(_, d) => set({ r2: d.value as R2Rows })}>
          <option value="overall">{tr(lang, "r2Overall")}</option>
          <option value="within">{tr(lang, "r2Within")}</option>
          <option value="both">{tr(lang, "r2Both")}</option>
        </Select>
      </Field>
      <Checkbox label={tr(lang, "digitGrouping")} checked={!!options.digitGrouping} onChange={(_, d) => set({ digitGrouping: !!d.checked })} />
    </>
  );
}
