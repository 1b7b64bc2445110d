/** `citypanel ris`. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { REFERENCE_DIR } from "../support/reference";
import { runCli, runJson } from "./runCli";

describe("citypanel ris", () => {
  test("--shares on panel_public: 2744 values in [1, 3]", async () => {
    const j = await runJson(["ris", path.join(REFERENCE_DIR, "data", "panel_public.csv"), "--shares", "share1,share2,share3"]);
    expect(j.command).toBe("ris");
    expect(j.ris.length).toBe(2744);
    expect(j.ris.every((v: number) => v >= 1 && v <= 3)).toBe(true);
    expect(j.scale).toBe("fraction");
  });
  test("--percent and detection; bad sums exit 2 naming the row", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "citypanel-ris-"));
    const file = path.join(dir, "s.csv");
    fs.writeFileSync(file, "a,b,c\n10,40,50\n,50,50\n");
    const j = await runJson(["ris", file, "--shares", "a,b,c", "--percent"]);
    expect(j.ris[0]).toBeCloseTo(2.4, 15);
    expect(j.ris[1]).toBeNull();
    expect((await runJson(["ris", file, "--shares", "a,b,c"])).scale).toBe("percent");
    fs.writeFileSync(file, "a,b,c\n0.1,0.4,0.5\n0.1,0.4,0.6\n");
    const bad = await runCli(["ris", file, "--shares", "a,b,c"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('row 3: the shares "a", "b", "c" sum to 1.1, not 1'); // file row, header = row 1
    expect((await runCli(["ris", file, "--shares", "a,b"])).stderr).toContain("--shares needs exactly 3 columns");
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
