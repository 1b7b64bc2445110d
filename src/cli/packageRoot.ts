import * as fs from "fs";
import * as path from "path";

/**
 * The CityPanel package folder (where package.json and assets/ live), found by walking up
 * from this module — the same answer from src/ (tests) and from build/src/ (the command).
 */
export function packageRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, "package.json");
    if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, "utf8")).name === "citypanel") return dir;
    if (path.dirname(dir) === dir) throw new Error("cannot find the CityPanel package folder");
  }
}

/** The bundled synthetic sample panel (assets/sample/city-panel.csv). */
export const samplePanelPath = (): string => path.join(packageRoot(), "assets", "sample", "city-panel.csv");
