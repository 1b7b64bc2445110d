/**
 * A table read straight from bytes into typed columns (the CLI's reader, and any face that
 * reads files): only the columns asked for, each as numbers, as id codes, or both.
 */
export type ColumnUse = "number" | "id" | "both";

export interface ColumnRequest {
  readonly name: string;
  readonly use: ColumnUse;
}

export interface TypedColumn {
  readonly name: string;
  /** Numbers (NaN = missing); present when read as "number" or "both". */
  readonly values?: Float64Array;
  /** The first cell that is text, not a number or a missing token (row: header = row 1). */
  readonly firstText?: { readonly row: number; readonly text: string };
  /** Id codes in order of first appearance (-1 = missing); present when read as "id" or "both". */
  readonly codes?: Int32Array;
  readonly levels?: readonly string[];
}

export interface TypedTable {
  readonly kind: "typed";
  /** Every column name in the header, read or not. */
  readonly names: readonly string[];
  readonly rows: number;
  readonly columns: ReadonlyMap<string, TypedColumn>;
  /** The row the user sees for data row i (header = row 1), when blank lines were skipped. */
  readonly fileRows?: Int32Array;
}
