import * as fs from "fs";
import * as path from "path";
import { Bilingual } from "../engine/i18n/lang";
import { shown } from "../engine/i18n/quote";
import { UsageError } from "./args";

/**
 * Where `--out` writes, checked before any work is done. CityPanel writes workbooks only to
 * regular files named .xlsx:
 * - another extension (`--out r.csv`) is refused: it would be an xlsx under a wrong name;
 * - an existing directory, device, pipe or socket (`/dev/null`, a fifo) is refused, never replaced;
 * - a symbolic link is followed: its target is written and the link stays a link (also when the
 *   target does not exist yet);
 * - an existing regular file is replaced, and the caller says so on stderr (`replaced`).
 */
export interface OutputTarget {
  /** The file actually written (a symlink's target). */
  readonly file: string;
  /** Set when an existing file is being replaced: the note for stderr. */
  readonly replaced: Bilingual | null;
}

export function outputTarget(out: string): OutputTarget {
  const name = shown(out);
  if (path.extname(out).toLowerCase() !== ".xlsx") {
    throw new UsageError(
      `--out must name an .xlsx file (CityPanel writes Excel workbooks), got "${name}"`,
      `--out 必须是 .xlsx 文件（CityPanel 写出的是 Excel 工作簿），实际为“${name}”`,
    );
  }
  const file = followLinks(path.resolve(out));
  let st: fs.Stats | null = null;
  try { st = fs.statSync(file); } catch { st = null; }
  if (st?.isDirectory()) {
    throw new UsageError(`--out "${name}" is a folder; give a file name such as ${shown(path.join(out, "results.xlsx"))}`, `--out“${name}”是文件夹；请给出文件名，例如 ${shown(path.join(out, "results.xlsx"))}`);
  }
  if (st && !st.isFile()) {
    throw new UsageError(`--out "${name}" is not a regular file (a device, pipe or socket): CityPanel writes workbooks only to regular files`, `--out“${name}”不是普通文件（而是设备、管道或套接字）：CityPanel 只把工作簿写入普通文件`);
  }
  const dir = path.dirname(file);
  if (!fs.existsSync(dir)) throw new UsageError(`--out: the folder ${shown(dir)} does not exist`, `--out：文件夹 ${shown(dir)} 不存在`);
  return { file, replaced: st ? { en: `replaced ${out}`, zh: `已替换 ${out}` } : null };
}

/** The path a chain of symbolic links ends at (which need not exist yet); the path itself otherwise. */
function followLinks(p: string): string {
  let cur = p;
  for (let hops = 0; hops < 40; hops++) {
    let st: fs.Stats;
    try { st = fs.lstatSync(cur); } catch { return cur; }
    if (!st.isSymbolicLink()) return cur;
    cur = path.resolve(path.dirname(cur), fs.readlinkSync(cur));
  }
  throw new UsageError(`--out "${shown(p)}": too many levels of symbolic links`, `--out“${shown(p)}”：符号链接层数过多`);
}
