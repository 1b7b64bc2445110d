import { IdColumn, NumericColumn } from "../../engine/data/columns";
import { valueError } from "../../engine/errors";
import { CELL_ARGS, resolveVcov } from "../../engine/vcov/resolve";
import { VcovType } from "../../engine/vcov/types";
import { assertRows, blockIds, blockNumeric, CellBlock, isOmitted, readBlock, textOption } from "../cells";

/**
 * The parts of a regression call as cells arrive: outcome, regressor blocks, fixed effects,
 * cluster variables and the VCE word. The outcome decides whether ranges carry a header
 * row; every other range must match it in height.
 */
export interface RegressionCells {
  readonly y: NumericColumn;
  readonly header: boolean;
  readonly rows: number;
  numeric(cells: unknown, argName: string): NumericColumn[];
  ids(cells: unknown, argName: string): IdColumn[];
}

export function regressionCells(y: unknown): RegressionCells {
  const yb = readBlock(y, "y");
  if (yb.names.length !== 1) {
    throw valueError(`y must be a single column, got ${yb.names.length} columns: put the outcome in one column`, `y 必须是单列，实际有 ${yb.names.length} 列：被解释变量应只占一列`);
  }
  const yc = blockNumeric(yb)[0];
  const block = (cells: unknown, argName: string): CellBlock => {
    const b = readBlock(cells, argName, yb.hasHeader);
    assertRows(yb.rows, [{ name: argName, rows: b.rows }]);
    return b;
  };
  return {
    y: yc,
    header: yb.hasHeader,
    rows: yb.rows,
    numeric: (cells, argName) => (isOmitted(cells) ? [] : blockNumeric(block(cells, argName))),
    ids: (cells, argName) => (isOmitted(cells) ? [] : blockIds(block(cells, argName))),
  };
}

/**
 * The VCE and cluster arguments (vcov/resolve.ts, the rule every face shares): "robust"
 * (default), "iid" or "cluster"; a cluster range implies "cluster" and contradicts an
 * explicit "robust" / "iid". Returns the estimator and the cluster columns it uses.
 */
export function vcovArgument(v: unknown, clusters: readonly IdColumn[]): { type: VcovType; clusters: readonly IdColumn[] } {
  return resolveVcov(textOption(v, ""), clusters, { names: CELL_ARGS });
}
