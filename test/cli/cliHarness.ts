/**
 * Runs the `citypanel` command line in-process (src/cli/main.ts) with stdout / stderr captured,
 * for the CLI tests. Not a test suite itself.
 */
import * as path from "path";
import { main } from "../../src/cli/main";

// Error messages follow CITYPANEL_LANG / LC_ALL / LANG; the tests assert the English ones.
process.env.CITYPANEL_LANG = "en";

export interface CliRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runCli(argv: string[]): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const out = jest.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    stdout += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    return true;
  });
  const err = jest.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    stderr += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    return true;
  });
  try {
    const status = await main(argv);
    return { status, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/** The JSON object a successful `--json` run printed (exactly one line of JSON, nothing on stderr). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function jsonOf(run: CliRun): any {
  if (run.status !== 0) throw new Error(`exit ${run.status}: ${run.stderr}`);
  expect(run.stderr).toBe("");
  expect(run.stdout.endsWith("\n")).toBe(true);
  expect(run.stdout.trimEnd().includes("\n")).toBe(false);
  return JSON.parse(run.stdout);
}

/** A usage / input error: exit status 2, nothing on stdout, one line on stderr containing `phrase`. */
export function expectUsageError(run: CliRun, command: string, phrase: string): void {
  expect(run.status).toBe(2);
  expect(run.stdout).toBe("");
  expect(run.stderr.endsWith("\n")).toBe(true);
  const lines = run.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0].startsWith(`citypanel ${command}: `)).toBe(true);
  expect(lines[0]).toContain(phrase);
}

export const REFERENCE_DATA = (file: string): string => path.resolve(__dirname, "../fixtures/reference/data", file);
