import { shown } from "../i18n/quote";
import { IdColumn, NumericColumn } from "../data/columns";
import { assertSomeRows, compactCodes, completeRows, maskToRows } from "../data/sample";
import { valueError } from "../errors";
import { ClusterVars } from "../vcov/types";
import { AbsorptionCache, contentKey, memoizeDemean } from "./absorptionCache";
import { createDemeaner, Demeaner, DemeanOptions } from "./demean";
import { absorbedDof, AbsorbedDof } from "./dof";
import { dropSingletons } from "./singletons";

/**
 * Everything a model needs to know about its sample and fixed effects, computed once:
 * listwise deletion over every variable the model uses, iterative singleton removal,
 * dense FE and cluster codes over the estimation sample, the absorbed degrees of freedom
 * and a demeaner. FEREG and IV2SLS both start here, so they share the sample rules.
 */
export interface Absorption {
  /** Input row indices of the estimation sample, in input order. */
  readonly rows: Int32Array;
  readonly nobsInput: number;
  readonly droppedMissing: number;
  readonly singletons: number;
  readonly singletonRounds: readonly number[];
  readonly fe: readonly { name: string; levels: number }[];
  readonly feCodes: readonly Int32Array[];
  readonly clusters: ClusterVars;
  readonly dof: AbsorbedDof;
  readonly demeaner: Demeaner;
}

export interface AbsorbOptions {
  readonly keepSingletons?: boolean;
  readonly demean?: DemeanOptions;
  /** Reuse absorptions and demeaned columns across calls with the same inputs (live cells). */
  readonly cache?: AbsorptionCache;
}

export function prepareAbsorption(numeric: readonly NumericColumn[], fe: readonly IdColumn[], cluster: readonly IdColumn[], opts: AbsorbOptions = {}): Absorption {
  if (!opts.cache) return computeAbsorption(numeric, fe, cluster, opts);
  const complete = completeRows(numeric, [...fe, ...cluster]);
  const key = contentKey([complete.mask, ...fe.flatMap((f) => [f.name, f.codes]), "|", ...cluster.flatMap((c) => [c.name, c.codes]), !!opts.keepSingletons, JSON.stringify(opts.demean ?? {})]);
  const hit = opts.cache.get(key);
  if (hit) return hit;
  const fresh = computeAbsorption(numeric, fe, cluster, opts);
  const memo = memoizeDemean((v) => fresh.demeaner.demean(v), opts.cache.stats);
  const cached: Absorption = { ...fresh, demeaner: { ...fresh.demeaner, demean: memo } };
  opts.cache.set(key, cached);
  return cached;
}

function computeAbsorption(numeric: readonly NumericColumn[], fe: readonly IdColumn[], cluster: readonly IdColumn[], opts: AbsorbOptions): Absorption {
  const complete = completeRows(numeric, [...fe, ...cluster]);
  let rows = maskToRows(complete.mask);
  assertSomeRows(rows.length, [...numeric.map((c) => c.name), ...fe.map((c) => c.name), ...cluster.map((c) => c.name)]);
  let singletons = 0;
  let singletonRounds: number[] = [];
  if (fe.length > 0 && !opts.keepSingletons) {
    const compact = fe.map((f) => compactCodes(f.codes, rows));
    const s = dropSingletons(compact.map((c) => c.codes), compact.map((c) => c.levels));
    if (s.dropped > 0) {
      singletons = s.dropped;
      singletonRounds = s.rounds;
      const kept = new Int32Array(rows.length - s.dropped);
      let k = 0;
      for (let i = 0; i < rows.length; i++) if (s.keep[i]) kept[k++] = rows[i];
      rows = kept;
      if (rows.length === 0) {
        const names = fe.map((f) => `"${shown(f.name)}"`);
        const empty = fe.map((f) => ({ name: f.name, n: f.codes.reduce((k, c) => k + (c < 0 ? 1 : 0), 0) })).filter((x) => x.n > 0);
        if (empty.length) {
          // the usual cause: ids merged down their rows (kept by Excel in the first row only)
          const list = { en: empty.map((x) => `${x.n} rows with an empty "${shown(x.name)}"`).join(" and "), zh: empty.map((x) => `${x.n} 行“${shown(x.name)}”为空`).join("、") };
          throw valueError(
            `every observation is a fixed-effect singleton once the ${list.en} are dropped: fill those cells — a name merged over several rows (as yearbooks print a city over its years) is kept in the first row only`,
            `剔除 ${list.zh}的行之后，所有观测值都是固定效应单例：请填充这些单元格——跨多行合并的名称（如年鉴中城市名称跨各年份合并）只保留在第一行`,
            { column: empty[0].name },
          );
        }
        throw valueError(
          `every observation is a fixed-effect singleton (a level of ${names.join(" or ")} that occurs once): there is nothing to estimate; fixed effects must be categories such as city or year, not a continuous variable`,
          `所有观测值都是固定效应单例（${fe.map((f) => `“${shown(f.name)}”`).join("或")}的某个取值只出现一次）：无法估计；固定效应应为城市、年份等类别变量，而不是连续变量`,
          { column: fe[0].name },
        );
      }
    }
  }
  const feCompact = fe.map((f) => compactCodes(f.codes, rows));
  const clCompact = cluster.map((c) => compactCodes(c.codes, rows));
  const feCodes = feCompact.map((c) => c.codes);
  const levels = feCompact.map((c) => c.levels);
  return {
    rows,
    nobsInput: complete.mask.length,
    droppedMissing: complete.dropped,
    singletons,
    singletonRounds,
    fe: fe.map((f, g) => ({ name: f.name, levels: levels[g] })),
    feCodes,
    clusters: { names: cluster.map((c) => c.name), codes: clCompact.map((c) => c.codes), counts: clCompact.map((c) => c.levels) },
    dof: absorbedDof(feCodes, levels, clCompact.map((c) => c.codes)),
    demeaner: createDemeaner(feCodes, levels, rows.length, opts.demean),
  };
}
