import { RawTable } from "../engine/data/table";
import { noColumnError } from "../engine/data/table";
import { ColumnRequest } from "../engine/data/typedTable";
import { isCityPanelError, valueError } from "../engine/errors";

// hyparquet is an ES module; the CLI is CommonJS, so load it with a real dynamic import
const importEsm = new Function("m", "return import(m)") as (m: string) => Promise<unknown>;

interface Hyparquet {
  asyncBufferFromFile(file: string): Promise<unknown>;
  parquetMetadataAsync(file: unknown): Promise<{ schema: { name: string; num_children?: number }[] }>;
  parquetRead(o: { file: unknown; columns?: string[]; rowFormat?: "array"; onChunk?: (c: { columnName: string; columnData: ArrayLike<unknown>; rowStart: number; rowEnd: number }) => void; onComplete?: () => void }): Promise<void>;
}

/**
 * Read a Parquet file (database exports) with hyparquet, a small pure-JS reader: only the
 * columns the command uses, as cells that the engine's usual rules then parse (null is
 * missing; 64-bit integers become numbers; text stays text).
 */
export async function readParquet(file: string, columns?: readonly ColumnRequest[]): Promise<RawTable> {
  try {
    const hp = (await importEsm("hyparquet")) as Hyparquet;
    const buffer = await hp.asyncBufferFromFile(file);
    const meta = await hp.parquetMetadataAsync(buffer);
    const names = meta.schema.slice(1).filter((s) => !s.num_children).map((s) => s.name);
    const wanted = columns ? [...new Set(columns.map((c) => c.name))] : names;
    for (const w of wanted) if (!names.includes(w)) throw noColumnError(w, names);
    const cells = new Map<string, unknown[]>(wanted.map((n) => [n, []]));
    let rows = 0;
    await hp.parquetRead({
      file: buffer,
      columns: wanted,
      onChunk: ({ columnName, columnData, rowStart }) => {
        const out = cells.get(columnName);
        if (!out) return;
        for (let i = 0; i < columnData.length; i++) out[rowStart + i] = parquetCell(columnData[i]);
        rows = Math.max(rows, rowStart + columnData.length);
      },
    });
    return { names, columns: names.map((n) => cells.get(n) ?? []), rows };
  } catch (e) {
    if (isCityPanelError(e)) throw e;
    const m = ((e as Error)?.message ?? String(e)).replace(/\s+/g, " ");
    throw valueError(
      `${file}: cannot read this Parquet file (${m.length > 60 ? m.slice(0, 57) + "…" : m})`,
      `${file}：无法读取该 Parquet 文件（${m.length > 60 ? m.slice(0, 57) + "…" : m}）`,
    );
  }
}

/** A Parquet value as a cell: null → missing, bigint → number, Date → yyyymmdd, else as is. */
function parquetCell(v: unknown): unknown {
  if (v === null || v === undefined) return "";
  if (typeof v === "bigint") return Number(v);
  if (v instanceof Date) return v.getUTCFullYear() * 10000 + (v.getUTCMonth() + 1) * 100 + v.getUTCDate();
  return v;
}
