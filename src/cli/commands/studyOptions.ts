import * as fs from "fs";
import * as path from "path";
import { Lang } from "../../engine/i18n/lang";
import { UsageError } from "../args";

/** Options shared by `citypanel study` and `citypanel template`: language, config file, atomic output. */
export function langOption(v: string | boolean | undefined): Lang {
  if (v === undefined) return "en";
  if (v === "en" || v === "zh") return v;
  throw new UsageError(`--lang must be en or zh, got "${String(v)}"`);
}

export function readConfig(file: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (e) {
    throw new UsageError(`cannot read --config ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** Write to a temporary file next to `out`, then rename: a failure never leaves half a workbook. */
export async function writeAtomically<T>(out: string, write: (tmp: string) => Promise<T>): Promise<T> {
  const dir = path.dirname(path.resolve(out));
  if (!fs.existsSync(dir)) throw new UsageError(`--out: the folder ${dir} does not exist`);
  const tmp = path.join(dir, `.${path.basename(out)}.${process.pid}.tmp`);
  try {
    const r = await write(tmp);
    fs.renameSync(tmp, out);
    return r;
  } finally {
    if (fs.existsSync(tmp)) fs.unlinkSync(tmp);
  }
}

