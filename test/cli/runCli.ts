import { main } from "../../src/cli/main";

// Error messages follow CITYPANEL_LANG / LC_ALL / LANG; the tests assert the English ones.
process.env.CITYPANEL_LANG = "en";

/** Run `citypanel …` in-process, capturing stdout and stderr. */
export async function runCli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const out = jest.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => { stdout += String(chunk); return true; });
  const err = jest.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => { stderr += String(chunk); return true; });
  try {
    const code = await main(argv);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/** Run with --json and parse stdout (exit status must be 0). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function runJson(argv: string[]): Promise<any> {
  const r = await runCli([...argv, "--json"]);
  if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}
