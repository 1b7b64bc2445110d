import { parseArgs } from "util";
import { valueError } from "../engine/errors";
import { Lang } from "../engine/i18n/lang";
import { shown } from "../engine/i18n/quote";

/** An option a command accepts: `--name value` (string) or `--name` (flag). */
export interface OptionSpec {
  readonly type: "string" | "boolean";
  readonly help: string;
}

export interface ParsedArgs {
  readonly positionals: string[];
  readonly values: Record<string, string | boolean | undefined>;
  /** The language of messages and tables (the global `--lang`, else the environment). */
  readonly lang: Lang;
}

/** Wrong invocation (exit status 2), as opposed to bad data (also 2) or a failure (1); both languages. */
export class UsageError extends Error {
  readonly messageZh: string;
  constructor(message: string, messageZh: string = message) {
    super(message);
    this.name = "UsageError";
    this.messageZh = messageZh;
  }
  localized(lang: Lang): string {
    return lang === "zh" ? this.messageZh : this.message;
  }
}

/** Node's parseArgs errors (several sentences, several lines) as one bilingual line. */
function parseError(e: NodeJS.ErrnoException): UsageError {
  const m = e.message ?? String(e);
  const opt = /'(-{1,2}[^' <]+)/.exec(m)?.[1] ?? "";
  if (e.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return new UsageError(`unknown option ${shown(opt)}`, `未知选项 ${shown(opt)}`);
  if (/does not take an argument/.test(m)) return new UsageError(`${opt} takes no value`, `${opt} 不接受取值`);
  if (/argument missing|ambiguous/.test(m)) return new UsageError(`${opt} needs a value (e.g. ${opt} NAME)`, `${opt} 需要一个取值（例如 ${opt} 列名）`);
  return new UsageError(m.split("\n")[0]);
}

/** Parse argv with Node's parser; unknown options are a usage error (exit 2). */
export function parseCommandArgs(argv: string[], options: Record<string, OptionSpec>, lang: Lang): ParsedArgs {
  const spec: Record<string, { type: "string" | "boolean" }> = {};
  for (const [k, o] of Object.entries(options)) spec[k] = { type: o.type };
  try {
    const { values, positionals } = parseArgs({ args: argv, options: spec, allowPositionals: true, strict: true });
    return { positionals, values: values as Record<string, string | boolean | undefined>, lang };
  } catch (e) {
    throw parseError(e as NodeJS.ErrnoException);
  }
}

/**
 * A comma-separated list option: "a,b, c" → ["a","b","c"]; absent → []. The full-width comma
 * "，" and the enumeration comma "、" (Chinese input methods) separate like ",".
 */
export function listOption(v: string | boolean | undefined): string[] {
  if (typeof v !== "string") return [];
  return v.split(/[,，、]/).map((s) => s.trim()).filter((s) => s.length > 0);
}

/** A required string option. */
export function requiredOption(values: ParsedArgs["values"], name: string): string {
  const v = values[name];
  if (typeof v !== "string" || v.trim() === "") throw new UsageError(`--${name} is required`, `缺少必需的选项 --${name}`);
  return v.trim();
}

/** A numeric option, with a default. */
export function numberOption(values: ParsedArgs["values"], name: string, fallback: number): number {
  const v = values[name];
  if (v === undefined) return fallback;
  const x = Number(v);
  if (typeof v !== "string" || v.trim() === "" || !Number.isFinite(x)) {
    throw new UsageError(`--${name} must be a number, got "${shown(v)}"`, `--${name} 必须是数值，实际为“${shown(v)}”`);
  }
  return x;
}

export { valueError };
