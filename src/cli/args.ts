import { parseArgs } from "util";
import { valueError } from "../engine/errors";

/** An option a command accepts: `--name value` (string) or `--name` (flag). */
export interface OptionSpec {
  readonly type: "string" | "boolean";
  readonly help: string;
}

export interface ParsedArgs {
  readonly positionals: string[];
  readonly values: Record<string, string | boolean | undefined>;
}

/** Parse argv with Node's parser; unknown options are a usage error (exit 2). */
export function parseCommandArgs(argv: string[], options: Record<string, OptionSpec>): ParsedArgs {
  const spec: Record<string, { type: "string" | "boolean" }> = {};
  for (const [k, o] of Object.entries(options)) spec[k] = { type: o.type };
  try {
    const { values, positionals } = parseArgs({ args: argv, options: spec, allowPositionals: true, strict: true });
    return { positionals, values: values as Record<string, string | boolean | undefined> };
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify a positional.*$/, ""));
  }
}

/** A comma-separated list option: "a,b, c" → ["a","b","c"]; absent → []. */
export function listOption(v: string | boolean | undefined): string[] {
  if (typeof v !== "string") return [];
  return v.split(",").map((s) => s.trim()).filter((s) => s.length > 0);
}

/** A required string option. */
export function requiredOption(values: ParsedArgs["values"], name: string): string {
  const v = values[name];
  if (typeof v !== "string" || v.trim() === "") throw new UsageError(`--${name} is required`);
  return v.trim();
}

/** A numeric option, with a default. */
export function numberOption(values: ParsedArgs["values"], name: string, fallback: number): number {
  const v = values[name];
  if (v === undefined) return fallback;
  const x = Number(v);
  if (typeof v !== "string" || !Number.isFinite(x)) throw new UsageError(`--${name} must be a number, got "${String(v)}"`);
  return x;
}

/** Wrong invocation (exit status 2), as opposed to bad data (also 2) or a failure (1). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export { valueError };
