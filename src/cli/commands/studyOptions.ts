import * as fs from "fs";
import * as path from "path";
import { UsageError } from "../args";

/** Options shared by `citypanel study` and `citypanel template`: FILE count, config file, atomic output. */
export const tooManyFiles = (n: number): UsageError =>
  new UsageError(`expected at most one FILE, got ${n}`, `最多只能指定一个数据文件，实际给出 ${n} 个`);

export function readConfig(file: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new UsageError(`cannot read --config ${file}: ${why}`, `无法读取 --config ${file}：${why}`);
  }
}

/**
 * Write to a temporary file next to `out`, then rename: a failure never leaves half a workbook.
 * `out` is a checked target (../outputFile: a regular .xlsx file or a new one, symlinks resolved).
 */
export async function writeAtomically<T>(out: string, write: (tmp: string) => Promise<T>): Promise<T> {
  const dir = path.dirname(path.resolve(out));
  if (!fs.existsSync(dir)) throw new UsageError(`--out: the folder ${dir} does not exist`, `--out：文件夹 ${dir} 不存在`);
  const tmp = path.join(dir, `.${path.basename(out)}.${process.pid}.tmp`);
  try {
    const r = await write(tmp);
    fs.renameSync(tmp, out);
    return r;
  } finally {
    if (fs.existsSync(tmp)) fs.unlinkSync(tmp);
  }
}

