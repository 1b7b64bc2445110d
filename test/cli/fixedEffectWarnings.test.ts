/**
 * A continuous variable given as a fixed effect (`--fe gov`) is legal — reghdfe absorbs it and
 * drops the singletons — but almost never meant: fereg and iv2sls warn, naming the variable,
 * in English and Chinese, on stderr and in the JSON's `warnings`; an id column never warns.
 */
import * as path from "path";
import { factorize } from "../../src/engine/data/columns";
import { singletonLevelsWarning } from "../../src/engine/fe/idLikeFixedEffect";
import { jsonOf, runCli } from "./cliHarness";

jest.setTimeout(60_000);
const sample = path.resolve(__dirname, "../../assets/sample/city-panel.csv");

test("the pure check: more than half of the rows with a value hold a level no other row has", () => {
  expect(singletonLevelsWarning(factorize("gov", ["0.11", "0.12", "0.13", "0.13"]))).toBeNull(); // 2 of 4: not more than half
  expect(singletonLevelsWarning(factorize("gov", ["0.11", "0.12", "0.13", "0.13", "0.14", null]))?.en).toBe(
    'warning: fixed effect "gov": 3 of 5 rows have a value no other row has, and are dropped as singletons — a fixed effect should be an id such as city or year, not a continuous variable',
  );
  expect(singletonLevelsWarning(factorize("city", ["a", "a", "b", "b"]))).toBeNull();
  expect(singletonLevelsWarning(factorize("x", [null, null]))).toBeNull();
});

test.each(["fereg", "iv2sls"])("%s --fe gov warns and still estimates; --fe city,year does not warn", async (command) => {
  const model = command === "fereg" ? ["--y", "digit", "--x", "density"] : ["--y", "digit", "--endog", "density", "--iv", "hum"];
  const r = await runCli([command, sample, ...model, "--fe", "gov", "--json"]);
  expect(r.status).toBe(0);
  const warning = 'warning: fixed effect "gov": 2710 of 2744 rows have a value no other row has, and are dropped as singletons — a fixed effect should be an id such as city or year, not a continuous variable';
  expect(r.stderr).toBe(`citypanel ${command}: ${warning}\n`);
  expect(JSON.parse(r.stdout).warnings).toEqual([warning]);
  const zh = await runCli([command, sample, ...model, "--fe", "gov", "--lang", "zh"]);
  expect(zh.stderr).toBe(`citypanel ${command}: 警告：固定效应“gov”：2744 行中有 2710 行的取值不与任何其他行相同，将作为单例剔除——固定效应应为城市、年份等标识，而不是连续变量\n`);
  const ok = await runCli([command, sample, ...model, "--fe", "city,year", "--json"]);
  expect([ok.status, ok.stderr, jsonOf(ok).warnings]).toEqual([0, "", []]);
});
