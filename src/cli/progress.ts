import * as path from "path";
import { langFromLocale } from "../engine/i18n/lang";

/**
 * A progress line on stderr for reads that take over a second: rows read and the share of the
 * file's bytes, redrawn at most four times a second, ended with a newline.
 */
export function progressReporter(file: string, totalBytes: number): { update: (rows: number, bytes: number) => void; done: () => void } {
  const zh = langFromLocale(process.env.CITYPANEL_LANG || process.env.LC_ALL || process.env.LANG) === "zh";
  const started = Date.now();
  let last = 0;
  let shown = false;
  const name = path.basename(file);
  const line = (rows: number, bytes: number) => {
    const pct = totalBytes > 0 ? Math.min(100, Math.round((100 * bytes) / totalBytes)) : 0;
    const r = rows.toLocaleString("en-US");
    return zh ? `正在读取 ${name}：${pct}%（${r} 行）` : `reading ${name}: ${pct}% (${r} rows)`;
  };
  let lastRows = 0;
  let lastBytes = 0;
  return {
    update(rows, bytes) {
      lastRows = rows; lastBytes = bytes;
      const now = Date.now();
      if (now - started < 1000 || now - last < 250) return;
      last = now;
      shown = true;
      process.stderr.write(`\r${line(rows, bytes)}`);
    },
    done() {
      if (shown) process.stderr.write(`\r${line(lastRows, lastBytes)}\n`);
    },
  };
}
