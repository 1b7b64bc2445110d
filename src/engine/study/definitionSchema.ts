import { valueError } from "../errors";
import { Bilingual } from "../i18n/lang";
import { shown } from "../i18n/quote";

/**
 * The shape of a study definition (./definition.ts) as data, and its check: every key of a
 * user's JSON is checked against it, an error names the key by its path
 * ("treatment.label", "indicators[3].direction") and says what it must be, in English and
 * Chinese; keys the schema does not know are returned as warnings (a typo is reported, the
 * study still runs). Whether the named columns exist is checked later against the data.
 */
type Field =
  | { readonly kind: "text" }
  | { readonly kind: "optionalText" } // may be "" (e.g. an indicator without a dimension)
  | { readonly kind: "boolean" }
  | { readonly kind: "number"; readonly min?: number; readonly max?: number; readonly integer?: boolean; readonly above?: number }
  | { readonly kind: "oneOf"; readonly values: readonly (string | number)[] }
  | { readonly kind: "bilingual" }
  | { readonly kind: "list"; readonly item: Field; readonly length?: number }
  | { readonly kind: "object"; readonly props: Readonly<Record<string, Field>>; readonly optional?: readonly string[] };

const text: Field = { kind: "text" };
const bilingual: Field = { kind: "bilingual" };
const obj = (props: Record<string, Field>, optional: string[] = []): Field => ({ kind: "object", props, optional });
const list = (item: Field, length?: number): Field => ({ kind: "list", item, length });
const labelled = (props: Record<string, Field>, optional: string[] = []) => obj({ ...props, label: bilingual, title: bilingual }, [...optional, "label", "title"]);

/** The largest sensible "drop agglomerations with at most N cities". */
export const MAX_GROUP_SIZE_RULE = 10_000;

export const STUDY_SCHEMA: Field = obj({
  version: { kind: "oneOf", values: [1] },
  title: bilingual,
  columns: obj({ city: text, year: text, agglomeration: text }, ["agglomeration"]),
  dimensions: list(obj({ key: text, label: bilingual })),
  indicators: list(labelled({ column: text, dimension: { kind: "optionalText" }, direction: { kind: "oneOf", values: ["+", "-"] }, unit: bilingual }, ["dimension", "direction", "unit"])),
  entropy: obj({ method: { kind: "oneOf", values: ["shift", "compress", "none"] }, shift: { kind: "number", min: 0 } }, ["shift"]),
  outcome: obj({ name: text, label: bilingual, title: bilingual }, ["title"]),
  treatment: obj({ column: text, label: bilingual, title: bilingual }, ["title"]),
  treatmentAlt: obj({ column: text, label: bilingual }),
  controls: list(labelled({ column: text, log: { kind: "boolean" }, name: text }, ["log", "name"])),
  instruments: list(labelled({ name: text, column: text, timesTrend: { kind: "boolean" } })),
  mechanisms: obj({
    cap: labelled({ numerator: text, denominator: text }),
    ris: labelled({ shares: list(text, 3) }),
    ent: labelled({ numerator: text, denominator: text, scale: { kind: "number", above: 0 } }),
  }, ["cap", "ris", "ent"]),
  moderators: list(labelled({ name: text, column: text, pcaOf: list(text) }, ["column", "pcaOf"])),
  robustness: obj({
    externalIndex: obj({ column: text, label: bilingual }),
    dropGroupsWithAtMost: { kind: "number", min: 0, max: MAX_GROUP_SIZE_RULE, integer: true },
    winsor: list({ kind: "number", min: 0, max: 100 }, 2),
  }, ["externalIndex", "dropGroupsWithAtMost", "winsor"]),
  vcov: text, // its words (and their aliases, "稳健", "hc1", …) are read by vcov/resolve.ts
  cluster: text,
  tableOptions: obj({ r2: { kind: "oneOf", values: ["overall", "within", "both"] }, digitGrouping: { kind: "boolean" } }, ["r2", "digitGrouping"]),
}, ["treatmentAlt", "cluster", "tableOptions"]);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** What a field must be, in words. */
function want(f: Field): Bilingual {
  switch (f.kind) {
    case "text": return { en: "a non-empty text", zh: "非空文本" };
    case "optionalText": return { en: "a text", zh: "文本" };
    case "boolean": return { en: "true or false", zh: "true 或 false" };
    case "number": {
      const range = f.min !== undefined && f.max !== undefined
        ? { en: `from ${f.min} to ${f.max}`, zh: `${f.min} 到 ${f.max} 之间的` }
        : f.min !== undefined ? { en: `≥ ${f.min}`, zh: `不小于 ${f.min} 的` }
        : f.above !== undefined ? { en: `> ${f.above}`, zh: `大于 ${f.above} 的` }
        : { en: "", zh: "" };
      return { en: [f.integer ? "a whole number" : "a number", range.en].filter(Boolean).join(" "), zh: `${range.zh}${f.integer ? "整数" : "数值"}` };
    }
    case "oneOf": { const l = f.values.map((v) => JSON.stringify(v)).join(" | "); return { en: `one of ${l}`, zh: `${l} 之一` }; }
    case "bilingual": return { en: '{ "en": "…", "zh": "…" }', zh: '{ "en": "…", "zh": "…" }' };
    case "list": return f.length !== undefined ? { en: `a list of ${f.length}`, zh: `含 ${f.length} 项的列表` } : { en: "a list [ … ]", zh: "列表 [ … ]" };
    case "object": return { en: `an object with ${Object.keys(f.props).filter((k) => !f.optional?.includes(k)).map((k) => `"${k}"`).join(", ")}`, zh: `含 ${Object.keys(f.props).filter((k) => !f.optional?.includes(k)).join("、")} 的对象` };
  }
}

const got = (v: unknown): string => (v === undefined ? "nothing" : shown(JSON.stringify(v)));

function fail(path: string, f: Field, v: unknown): never {
  const w = want(f);
  const at = { argument: path };
  if (v === undefined) throw valueError(`the study definition has no "${path}": it must be ${w.en}`, `研究设定缺少“${path}”：应为${w.zh}`, at);
  throw valueError(`"${path}" in the study definition must be ${w.en}, got ${got(v)}`, `研究设定中的“${path}”必须为${w.zh}，实际为 ${got(v)}`, at);
}

/**
 * Check `value` against `field`; throw for the first wrong key (named by its path), return
 * the paths of unknown keys as warnings.
 */
export function checkAgainstSchema(value: unknown, field: Field = STUDY_SCHEMA, path = ""): Bilingual[] {
  switch (field.kind) {
    case "text": if (typeof value !== "string" || value.trim() === "") fail(path, field, value); return [];
    case "optionalText": if (typeof value !== "string") fail(path, field, value); return [];
    case "boolean": if (typeof value !== "boolean") fail(path, field, value); return [];
    case "number": {
      const x = value as number;
      const ok = typeof value === "number" && Number.isFinite(x) && (!field.integer || Number.isInteger(x)) &&
        (field.min === undefined || x >= field.min) && (field.max === undefined || x <= field.max) && (field.above === undefined || x > field.above);
      if (!ok) fail(path, field, value);
      return [];
    }
    case "oneOf": if (!field.values.includes(value as string | number)) fail(path, field, value); return [];
    case "bilingual":
      if (!isObject(value) || typeof value.en !== "string" || typeof value.zh !== "string") fail(path, field, value);
      return [];
    case "list": {
      if (!Array.isArray(value) || (field.length !== undefined && value.length !== field.length)) fail(path, field, value);
      return (value as unknown[]).flatMap((v, j) => checkAgainstSchema(v, field.item, `${path}[${j}]`));
    }
    case "object": {
      if (!isObject(value)) fail(path, field, value);
      const o = value as Record<string, unknown>;
      const warnings: Bilingual[] = [];
      // this level's unknown keys first, then what is inside the known ones
      for (const k of Object.keys(o)) {
        if (k in field.props) continue;
        const p = path ? `${path}.${k}` : k;
        const known = Object.keys(field.props).join(", ");
        warnings.push({
          en: `warning: unknown key "${shown(p)}" in the study definition is ignored (known here: ${known})`,
          zh: `警告：研究设定中的未知键“${shown(p)}”已忽略（此处可用：${known}）`,
        });
      }
      for (const [k, f] of Object.entries(field.props)) {
        const p = path ? `${path}.${k}` : k;
        if (o[k] === undefined && field.optional?.includes(k)) continue;
        warnings.push(...checkAgainstSchema(o[k], f, p));
      }
      return warnings;
    }
  }
}
