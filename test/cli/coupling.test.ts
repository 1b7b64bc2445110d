/** `citypanel coupling`. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCli, runJson } from "./runCli";

describe("citypanel coupling", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "citypanel-coupling-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  test("--cols U1,U2 [--weights a,b] --json: C, T, D per row", async () => {
    const file = path.join(dir, "u.csv");
    fs.writeFileSync(file, "u1,u2,u3\n0.4,0.1,0.2\n0.5,0.5,0.5\nNA,0.3,0.1\n");
    const j = await runJson(["coupling", file, "--cols", "u1,u2"]);
    expect(j.command).toBe("coupling");
    expect(j.C[0]).toBeCloseTo(0.8, 15);
    expect(j.T[0]).toBeCloseTo(0.25, 15);
    expect(j.D[0]).toBeCloseTo(Math.sqrt(0.2), 15);
    expect([j.C[2], j.T[2], j.D[2]]).toEqual([null, null, null]);
    const w = await runJson(["coupling", file, "--cols", "u1,u2", "--weights", "0.3,0.7"]);
    expect(w.T[0]).toBeCloseTo(0.19, 15);
    const three = await runJson(["coupling", file, "--cols", "u1,u2,u3"]);
    expect(three.C[1]).toBeCloseTo(1, 15);
  });
  test("negative input: exit 2 with the message", async () => {
    const file = path.join(dir, "neg.csv");
    fs.writeFileSync(file, "u1,u2\n0.4,-0.1\n");
    const r = await runCli(["coupling", file, "--cols", "u1,u2"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the coupling degree needs values ≥ 0, but column "u2" has -0.1 in row 2'); // file row, header = row 1
  });
});
