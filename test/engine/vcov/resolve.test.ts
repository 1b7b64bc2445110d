/**
 * The one reading of the user's VCE word (src/engine/vcov/resolve.ts) that every face calls:
 * defaults, synonyms, and the rule that a cluster variable with an explicit "robust" / "iid"
 * is refused in both languages. The faces' own tests (CLI, custom functions, task pane,
 * study definition) show they follow it.
 */
import { CELL_ARGS, CLI_ARGS, resolveVcov, STUDY_KEYS, vcovWord } from "../../../src/engine/vcov/resolve";
import { refusal } from "../../support/refusal";


describe("resolveVcov", () => {
  test("no word: cluster when cluster variables are given, else robust", () => {
    expect(resolveVcov(undefined, [])).toEqual({ type: "robust", clusters: [] });
    expect(resolveVcov("  ", ["city"])).toEqual({ type: "cluster", clusters: ["city"] });
    expect(resolveVcov(null, ["city", "year"])).toEqual({ type: "cluster", clusters: ["city", "year"] });
  });

  test("words and synonyms, English and Chinese", () => {
    expect(resolveVcov("ROBUST", []).type).toBe("robust");
    expect(resolveVcov("稳健", []).type).toBe("robust");
    expect(resolveVcov("iid", []).type).toBe("iid");
    expect(resolveVcov("普通", []).type).toBe("iid");
    expect(resolveVcov("聚类", ["city"])).toEqual({ type: "cluster", clusters: ["city"] });
    expect(vcovWord("hc3")).toBeNull();
  });

  test("a cluster variable with an explicit robust or iid is refused, naming the face's inputs", () => {
    const cell = refusal(() => resolveVcov("robust", ["city"]));
    expect(cell.kind).toBe("value");
    expect(cell.message).toBe(
      'The cluster argument and vcov "robust" contradict each other: to cluster, omit vcov or set it to "cluster"; for robust standard errors, remove the cluster argument',
    );
    expect(cell.messageZh).toBe('聚类变量（cluster 参数）与 vcov "robust" 相互矛盾：如需聚类，请省略 vcov 或将其设为 "cluster"；如需 robust 标准误，请删除聚类变量（cluster 参数）');
    const cli = refusal(() => resolveVcov("iid", ["firm"], { names: CLI_ARGS }));
    expect(cli.message).toBe('--cluster and --vcov "iid" contradict each other: to cluster, omit --vcov or set it to "cluster"; for iid standard errors, remove --cluster');
    const study = refusal(() => resolveVcov("稳健", ["city"], { names: STUDY_KEYS, defaultCluster: "city" }));
    expect(study.message).toMatch(/^The "cluster" key and "vcov" "稳健" contradict each other/);
  });

  test('"cluster" needs a cluster variable, or the face\'s default', () => {
    expect(refusal(() => resolveVcov("cluster", [], { names: CELL_ARGS })).message).toBe('vcov "cluster" needs the cluster argument (e.g. the city column)');
    expect(refusal(() => resolveVcov("cluster", [], { names: CLI_ARGS })).messageZh).toBe("--vcov 为 \"cluster\" 时需要提供--cluster（例如城市列）");
    expect(resolveVcov("cluster", [], { defaultCluster: "city" })).toEqual({ type: "cluster", clusters: ["city"] });
  });

  test("an unknown word, at most two cluster variables", () => {
    expect(refusal(() => resolveVcov("hc3", [], { names: CLI_ARGS })).message).toBe('--vcov must be "robust", "iid" or "cluster", got "hc3"');
    expect(refusal(() => resolveVcov("", ["a", "b", "c"])).message).toBe("at most two cluster variables are supported");
  });
});
