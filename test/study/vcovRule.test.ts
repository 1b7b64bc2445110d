/**
 * The study definition follows the VCE rule every face shares (src/engine/vcov/resolve.ts):
 * a "cluster" key alone implies clustering; a "cluster" key with an explicit "robust" /
 * "iid" is refused in both languages, whether the definition comes from a JSON file
 * (studyDefinitionFromJson) or is checked against the data before a run (validateMapping).
 */
import * as path from "path";
import { readCsv } from "../../src/cli/readCsvCells";
import { defaultStudy } from "../../src/engine/study/defaultStudy";
import { studyDefinitionFromJson } from "../../src/engine/study/parseDefinition";
import { validateMapping } from "../../src/engine/study/validateMapping";
import { refusal } from "../support/refusal";


test("a JSON definition: cluster alone clusters, cluster with robust / iid is refused", () => {
  expect(studyDefinitionFromJson('{"cluster": "agglomeration"}')).toMatchObject({ vcov: "cluster", cluster: "agglomeration" });
  expect(studyDefinitionFromJson('{"vcov": "cluster"}').vcov).toBe("cluster");
  expect(studyDefinitionFromJson('{"vcov": "稳健"}').vcov).toBe("robust");
  const e = refusal(() => studyDefinitionFromJson('{"vcov": "robust", "cluster": "city"}'));
  expect(e.kind).toBe("value");
  expect(e.message).toBe(
    'The "cluster" key and "vcov" "robust" contradict each other: to cluster, omit "vcov" or set it to "cluster"; for robust standard errors, remove the "cluster" key',
  );
  expect(e.messageZh).toBe('“cluster”键与 “vcov”键 "robust" 相互矛盾：如需聚类，请省略 “vcov”键 或将其设为 "cluster"；如需 robust 标准误，请删除“cluster”键');
  expect(refusal(() => studyDefinitionFromJson('{"vcov": "hc3"}')).message).toBe('"vcov" must be "robust", "iid" or "cluster", got "hc3"');
});

test("a definition checked against the data before a run", () => {
  const table = readCsv(path.resolve(__dirname, "../../assets/sample/city-panel.csv"));
  const def = defaultStudy();
  expect(() => validateMapping({ ...def, vcov: "cluster", cluster: "city" }, table)).not.toThrow();
  expect(() => validateMapping({ ...def, vcov: "cluster" }, table)).not.toThrow(); // the city column by default
  expect(refusal(() => validateMapping({ ...def, vcov: "iid", cluster: "city" }, table)).message).toMatch(/^The "cluster" key and "vcov" "iid" contradict each other/);
});
