import * as React from "react";
import {
  Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Select, Text, makeStyles,
} from "@fluentui/react-components";
import { Lang, t } from "../../engine/i18n/lang";
import { controlName, ControlSpec, StudyDefinition } from "../../engine/study/definition";
import { defaultStudy } from "../../engine/study/defaultStudy";
import { VcovType } from "../../engine/vcov/types";
import { FieldErrors, FieldKey } from "../model/validate";
import { tr } from "../i18n/strings";
import { AutoMatched } from "./AutoMatched";
import { TableOptionsFields } from "./TableOptionsFields";
import { ColumnSelect, columnOptions, Group, RemoveButton } from "./common";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: "8px" },
  row: { display: "flex", gap: "6px", alignItems: "flex-end", flexWrap: "wrap" },
  grow: { flexGrow: 1, minWidth: "120px" },
  checks: { maxHeight: "160px", overflowY: "auto", display: "flex", flexDirection: "column" },
});

export interface MapStepProps {
  lang: Lang;
  def: StudyDefinition;
  /** The mapping as matched by name, listed above the sections (null when restored from the workbook). */
  auto: StudyDefinition | null;
  columns: readonly string[];
  numericColumns: readonly string[];
  errors: FieldErrors;
  onChange: (def: StudyDefinition) => void;
  onAutoMap: () => void;
  onSave: () => void;
  savedNote: string | null;
  restoredAt: string | null;
  /** Whether the mapping can be kept in the workbook (the add-in; not the web app). */
  canSave: boolean;
  onNext: () => void;
}

const MODERATORS = defaultStudy().moderators;
const SECTION_OF: Record<FieldKey, string> = {
  city: "ids", year: "ids", agglomeration: "ids", treatment: "main", controls: "controls", indicators: "index", instruments: "iv",
  cap: "mech", ris: "mech", ent: "mech", moderators: "mod", treatmentAlt: "robust", externalIndex: "robust", cluster: "options",
};

export function MapStep(p: MapStepProps): React.JSX.Element {
  const s = useStyles();
  const { lang, def, columns, numericColumns, errors, onChange } = p;
  const err = (k: FieldKey) => errors[k];
  const count = Object.keys(errors).length;
  // sections with a problem open by themselves, so every message shows beside its control
  const [open, setOpen] = React.useState<string[]>(["ids", "main", "controls"]);
  const errorSections = (Object.keys(errors) as FieldKey[]).map((k) => SECTION_OF[k]).sort().join(",");
  React.useEffect(() => {
    if (errorSections) setOpen((o) => [...new Set([...o, ...errorSections.split(",")])]);
  }, [errorSections]);
  const upd = (patch: Partial<StudyDefinition>) => onChange({ ...def, ...patch });
  const dimLabel = (key: string) => {
    const d = def.dimensions.find((x) => x.key === key);
    return d ? t(d.label, lang) : key;
  };
  const unused = (taken: readonly string[]) => numericColumns.find((c) => !taken.includes(c));
  const d0 = defaultStudy();

  const setControl = (i: number, c: ControlSpec) => upd({ controls: def.controls.map((x, j) => (j === i ? c : x)) });
  const setMod = (name: string, column: string | undefined, pcaOf?: string[]) => {
    const base = MODERATORS.find((m) => m.name === name)!;
    const rest = def.moderators.filter((m) => m.name !== name);
    const keep = pcaOf ? pcaOf.length > 0 : !!column;
    const next = keep ? [...rest, { ...base, column: pcaOf ? undefined : column, pcaOf }] : rest;
    upd({ moderators: MODERATORS.map((m) => next.find((x) => x.name === m.name)).filter((m): m is NonNullable<typeof m> => !!m) });
  };
  const mod = (name: string) => def.moderators.find((m) => m.name === name);

  return (
    <section aria-labelledby="map-heading" className={s.stack}>
      <h2 id="map-heading">{tr(lang, "stepMap")}</h2>
      <Text>{tr(lang, "mapIntro")}</Text>
      {p.restoredAt && (
        <MessageBar intent="info">
          <MessageBarBody>{tr(lang, "restored", p.restoredAt)}</MessageBarBody>
        </MessageBar>
      )}
      {p.auto && <AutoMatched lang={lang} def={p.auto} />}
      <div className={s.row}>
        <Button onClick={p.onAutoMap}>{tr(lang, "autoMapAgain")}</Button>
        {p.canSave && <Button onClick={p.onSave}>{tr(lang, "saveMapping")}</Button>}
      </div>
      {p.savedNote && <Text role="status">{p.savedNote}</Text>}
      <Accordion multiple collapsible openItems={open} onToggle={(_, d) => setOpen(d.openItems as string[])}>
        <AccordionItem value="ids">
          <AccordionHeader>{tr(lang, "secIds")}</AccordionHeader>
          <AccordionPanel className={s.stack}>
            <ColumnSelect lang={lang} label={tr(lang, "city")} value={def.columns.city} columns={columns} error={err("city")} data-testid="map-city"
              onChange={(v) => upd({ columns: { ...def.columns, city: v } })} />
            <ColumnSelect lang={lang} label={tr(lang, "year")} value={def.columns.year} columns={columns} error={err("year")} data-testid="map-year"
              onChange={(v) => upd({ columns: { ...def.columns, year: v } })} />
            <ColumnSelect lang={lang} label={tr(lang, "agglomeration")} value={def.columns.agglomeration} columns={columns} error={err("agglomeration")}
              onChange={(v) => upd({ columns: { ...def.columns, agglomeration: v || undefined } })} />
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="main">
          <AccordionHeader>{tr(lang, "secMain")}</AccordionHeader>
          <AccordionPanel className={s.stack}>
            <Field label={tr(lang, "outcomeName")} hint={tr(lang, "outcome")}>
              <Input value={def.outcome.name} onChange={(_, d) => upd({ outcome: { name: d.value, label: { en: d.value, zh: d.value } } })} />
            </Field>
            <ColumnSelect lang={lang} label={tr(lang, "treatment")} value={def.treatment.column} columns={numericColumns} error={err("treatment")} data-testid="map-treatment"
              onChange={(v) => upd({ treatment: { ...def.treatment, column: v } })} />
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="controls">
          <AccordionHeader>{tr(lang, "secControls")}</AccordionHeader>
          <AccordionPanel>
            <Group label={tr(lang, "controls")} error={err("controls")?.[lang]} data-testid="map-controls">
              <div className={s.stack}>
                {def.controls.map((c, i) => (
                  <div key={i} className={s.row}>
                    <Select className={s.grow} aria-label={`${tr(lang, "controls")} ${i + 1}`} value={c.column}
                      onChange={(_, d) => setControl(i, { ...c, column: d.value, name: undefined, label: c.log ? { en: `ln ${d.value}`, zh: `ln ${d.value}` } : { en: d.value, zh: d.value } })}>
                      {columnOptions(c.column, numericColumns)}
                    </Select>
                    <Checkbox label={tr(lang, "logOf", c.column)} checked={!!c.log}
                      onChange={(_, d) => setControl(i, { ...c, log: !!d.checked, name: undefined, label: d.checked ? { en: `ln ${c.column}`, zh: `ln ${c.column}` } : { en: c.column, zh: c.column } })} />
                    <RemoveButton label={tr(lang, "remove", controlName(c))} onClick={() => upd({ controls: def.controls.filter((_, j) => j !== i) })} />
                  </div>
                ))}
                <div>
                  <Button size="small" onClick={() => { const c = unused(def.controls.map((x) => x.column)); if (c) upd({ controls: [...def.controls, { column: c, label: { en: c, zh: c } }] }); }}>
                    {tr(lang, "addControl")}
                  </Button>
                </div>
              </div>
            </Group>
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="index">
          <AccordionHeader>{tr(lang, "secIndex")}</AccordionHeader>
          <AccordionPanel>
            <Group label={tr(lang, "indicators")} hint={tr(lang, "indicatorCount", def.indicators.length)} error={err("indicators")?.[lang]} data-testid="map-indicators">
              <div className={s.stack}>
                {def.indicators.map((ind, i) => (
                  <div key={i} className={s.row}>
                    <Select className={s.grow} aria-label={`${tr(lang, "indicators")} ${i + 1}`} value={ind.column}
                      onChange={(_, d) => upd({ indicators: def.indicators.map((x, j) => (j === i ? { ...x, column: d.value, label: undefined } : x)) })}>
                      {columnOptions(ind.column, numericColumns)}
                    </Select>
                    <Select aria-label={tr(lang, "dimension", ind.column)} value={ind.dimension}
                      onChange={(_, d) => upd({ indicators: def.indicators.map((x, j) => (j === i ? { ...x, dimension: d.value } : x)) })}>
                      {def.dimensions.map((dim) => <option key={dim.key} value={dim.key}>{dimLabel(dim.key)}</option>)}
                    </Select>
                    <Select aria-label={tr(lang, "direction", ind.column)} value={ind.direction}
                      onChange={(_, d) => upd({ indicators: def.indicators.map((x, j) => (j === i ? { ...x, direction: d.value as "+" | "-" } : x)) })}>
                      <option value="+">{tr(lang, "dirPlus")}</option>
                      <option value="-">{tr(lang, "dirMinus")}</option>
                    </Select>
                    <RemoveButton label={tr(lang, "remove", ind.column)} onClick={() => upd({ indicators: def.indicators.filter((_, j) => j !== i) })} />
                  </div>
                ))}
                <div>
                  <Button size="small" onClick={() => { const c = unused(def.indicators.map((x) => x.column)); if (c) upd({ indicators: [...def.indicators, { column: c, dimension: def.dimensions[0]?.key ?? "", direction: "+" }] }); }}>
                    {tr(lang, "addIndicator")}
                  </Button>
                </div>
              </div>
            </Group>
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="iv">
          <AccordionHeader>{tr(lang, "secIv")}</AccordionHeader>
          <AccordionPanel>
            <Group label={tr(lang, "instruments")} error={err("instruments")?.[lang]} data-testid="map-instruments">
              <div className={s.stack}>
                {def.instruments.map((iv, i) => (
                  <div key={i} className={s.row}>
                    <Select className={s.grow} aria-label={tr(lang, "instrument", iv.name)} value={iv.column}
                      onChange={(_, d) => upd({ instruments: def.instruments.map((x, j) => (j === i ? { ...x, column: d.value } : x)) })}>
                      {columnOptions(iv.column, numericColumns)}
                    </Select>
                    <RemoveButton label={tr(lang, "remove", iv.name)} onClick={() => upd({ instruments: def.instruments.filter((_, j) => j !== i) })} />
                  </div>
                ))}
                <div>
                  <Button size="small" onClick={() => {
                    const c = unused(def.instruments.map((x) => x.column));
                    if (!c) return;
                    let k = def.instruments.length + 1;
                    while (def.instruments.some((x) => x.name === `iv${k}`)) k++;
                    const tmpl = d0.instruments[k - 1];
                    upd({ instruments: [...def.instruments, { name: `iv${k}`, column: c, timesTrend: true, label: tmpl?.label ?? { en: `IV_${k}`, zh: `IV_${k}` } }] });
                  }}>
                    {tr(lang, "addInstrument")}
                  </Button>
                </div>
              </div>
            </Group>
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="mech">
          <AccordionHeader>{tr(lang, "secMech")}</AccordionHeader>
          <AccordionPanel className={s.stack}>
            {(["numerator", "denominator"] as const).map((side) => (
              <ColumnSelect key={`cap${side}`} lang={lang} label={tr(lang, side === "numerator" ? "capNum" : "capDen")} value={def.mechanisms.cap?.[side]} columns={numericColumns}
                error={side === "numerator" ? err("cap") : undefined}
                onChange={(v) => {
                  const cur = def.mechanisms.cap ?? { ...d0.mechanisms.cap!, numerator: "", denominator: "" };
                  const next = { ...cur, [side]: v };
                  upd({ mechanisms: { ...def.mechanisms, cap: next.numerator || next.denominator ? next : undefined } });
                }} />
            ))}
            {[0, 1, 2].map((j) => (
              <ColumnSelect key={`ris${j}`} lang={lang} label={tr(lang, "risShare", j + 1)} value={def.mechanisms.ris?.shares[j]} columns={numericColumns}
                error={j === 0 ? err("ris") : undefined}
                onChange={(v) => {
                  const shares = [...(def.mechanisms.ris?.shares ?? ["", "", ""])] as [string, string, string];
                  shares[j] = v;
                  upd({ mechanisms: { ...def.mechanisms, ris: shares.some(Boolean) ? { ...d0.mechanisms.ris!, ...def.mechanisms.ris, shares } : undefined } });
                }} />
            ))}
            {(["numerator", "denominator"] as const).map((side) => (
              <ColumnSelect key={`ent${side}`} lang={lang} label={tr(lang, side === "numerator" ? "entNum" : "entDen")} value={def.mechanisms.ent?.[side]} columns={numericColumns}
                error={side === "numerator" ? err("ent") : undefined}
                onChange={(v) => {
                  const cur = def.mechanisms.ent ?? { ...d0.mechanisms.ent!, numerator: "", denominator: "" };
                  const next = { ...cur, [side]: v };
                  upd({ mechanisms: { ...def.mechanisms, ent: next.numerator || next.denominator ? next : undefined } });
                }} />
            ))}
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="mod">
          <AccordionHeader>{tr(lang, "secMod")}</AccordionHeader>
          <AccordionPanel className={s.stack}>
            {err("moderators") && (
              <div role="alert" style={{ color: "#bc2f32", fontSize: 12 }}>
                {err("moderators")![lang]}
              </div>
            )}
            {MODERATORS.filter((m) => !m.pcaOf).map((m) => (
              <ColumnSelect key={m.name} lang={lang} label={tr(lang, "moderator", m.name)} value={mod(m.name)?.column} columns={numericColumns}
                onChange={(v) => setMod(m.name, v || undefined)} />
            ))}
            {MODERATORS.filter((m) => m.pcaOf).map((m) => (
              <Group key={m.name} label={tr(lang, "infraColumns")}>
                <div className={s.checks}>
                  {numericColumns.map((c) => {
                    const cur = mod(m.name)?.pcaOf ?? [];
                    return (
                      <Checkbox key={c} label={c} checked={cur.includes(c)}
                        onChange={(_, d) => setMod(m.name, undefined, d.checked ? [...cur, c] : cur.filter((x) => x !== c))} />
                    );
                  })}
                </div>
              </Group>
            ))}
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="robust">
          <AccordionHeader>{tr(lang, "secRobust")}</AccordionHeader>
          <AccordionPanel className={s.stack}>
            <ColumnSelect lang={lang} label={tr(lang, "treatmentAlt")} value={def.treatmentAlt?.column} columns={numericColumns} error={err("treatmentAlt")}
              onChange={(v) => upd({ treatmentAlt: v ? { ...(def.treatmentAlt ?? d0.treatmentAlt!), column: v } : undefined })} />
            <ColumnSelect lang={lang} label={tr(lang, "externalIndex")} value={def.robustness.externalIndex?.column} columns={numericColumns} error={err("externalIndex")}
              onChange={(v) => upd({ robustness: { ...def.robustness, externalIndex: v ? { ...(def.robustness.externalIndex ?? d0.robustness.externalIndex!), column: v } : undefined } })} />
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="options">
          <AccordionHeader>{tr(lang, "secOptions")}</AccordionHeader>
          <AccordionPanel className={s.stack}>
            <Field label={tr(lang, "vce")}>
              <Select value={def.vcov} onChange={(_, d) => upd({ vcov: d.value as VcovType, cluster: d.value === "cluster" ? def.cluster : undefined })}>
                <option value="robust">{tr(lang, "vceRobust")}</option>
                <option value="cluster">{tr(lang, "vceCluster")}</option>
                <option value="iid">{tr(lang, "vceIid")}</option>
              </Select>
            </Field>
            {def.vcov === "cluster" && (
              <ColumnSelect lang={lang} label={tr(lang, "clusterBy")} value={def.cluster ?? def.columns.city} columns={columns} error={err("cluster")} allowNone={false}
                onChange={(v) => upd({ cluster: v })} />
            )}
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="tables">
          <AccordionHeader>{tr(lang, "secTables")}</AccordionHeader>
          <AccordionPanel className={s.stack}>
            <TableOptionsFields lang={lang} options={def.tableOptions} onChange={(tableOptions) => upd({ tableOptions })} />
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
      {count > 0 ? (
        <MessageBar intent="warning">
          <MessageBarBody>{tr(lang, "mapHasErrors", count)}</MessageBarBody>
        </MessageBar>
      ) : (
        <Text>{tr(lang, "mapOk")}</Text>
      )}
      <div>
        <Button appearance="primary" onClick={p.onNext}>
          {tr(lang, "continueToRun")}
        </Button>
      </div>
    </section>
  );
}
