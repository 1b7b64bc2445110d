import { errorToWire } from "../../engine/errors";
import { Lang, t } from "../../engine/i18n/lang";
import { LABELS } from "../../engine/i18n/tableLabels";
import { buildPanel } from "../../engine/study/buildPanel";
import { StudyDefinition } from "../../engine/study/definition";
import { variableLabel } from "../../engine/study/labels";
import { feModel, ivModel } from "../../engine/study/models";
import { runStudy } from "../../engine/study/runStudy";
import { TableId } from "../../engine/study/tables/registry";
import { validateMapping } from "../../engine/study/validateMapping";
import { JournalTable } from "../../engine/tables/journalTable";
import { columnFromFereg, columnFromFirstStage, columnFromIv } from "../../engine/tables/modelColumn";
import { regressionTable, statKpF, statKpLM, statN, statR2 } from "../../engine/tables/regressionTable";
import { CITYPANEL_VERSION } from "../../engine/version";
import type { StudyWorkbookInput } from "../../cli/workbook/writeStudyWorkbook";
import { FromWorker, SingleModelSpec, StudyReply, StudyRequest } from "./protocol";
import { resolveVcov, VcovArgNames } from "../../engine/vcov/resolve";

/**
 * What the study worker does with a request (kept apart from the worker's message plumbing so
 * jest can run it): the whole study or one model, reporting progress through `post`.
 */
export async function compute(request: StudyRequest, post: (m: FromWorker) => void): Promise<void> {
  try {
    const out = request.kind === "study" ? study(request, post) : single(request);
    const provenance = [...out.provenance, ...(request.provenance ?? [])];
    const reply: StudyReply = { tables: out.tables, provenance };
    post({ type: "done", result: request.workbook ? { ...reply, ...(await workbook({ ...out, provenance }, request.lang)) } : reply });
  } catch (e) {
    post({ type: "error", error: errorToWire(e) });
  }
}

/** The web app: the same workbook as `citypanel study` (exceljs is loaded only when asked for). */
async function workbook(input: StudyWorkbookInput, lang: Lang): Promise<{ workbook: Uint8Array; sheets: string[] }> {
  const { studyWorkbookBytes } = await import("../../cli/workbook/writeStudyWorkbook");
  const { bytes, sheets } = await studyWorkbookBytes(input, lang);
  return { workbook: bytes, sheets };
}

function study(r: Extract<StudyRequest, { kind: "study" }>, post: (m: FromWorker) => void): StudyWorkbookInput {
  return runStudy(r.table, r.def, {
    lang: r.lang,
    tables: r.tables as TableId[],
    source: r.source,
    onProgress: (table, index, total) => post({ type: "progress", table, index, total }),
  });
}

/** The single-model controls, as a VCE message names them. */
const PANE_FIELDS: VcovArgNames = { vcov: "the variance estimator", vcovZh: "标准误类型", cluster: "the “Cluster by” column", clusterZh: "“聚类变量”" };

function single(r: Extract<StudyRequest, { kind: "model" }>): StudyWorkbookInput {
  const started = Date.now();
  validateMapping(r.def, r.table);
  const vce = resolveVcov(r.model.vcov, r.model.cluster ? [r.model.cluster] : [], { names: PANE_FIELDS, defaultCluster: r.def.columns.city });
  const def: StudyDefinition = { ...r.def, vcov: vce.type, cluster: r.model.cluster };
  const p = buildPanel(r.table, def);
  const table = modelTable(def, p, r.model, r.lang);
  const row = (en: string, zh: string, value: string) => ({ label: { en, zh }, value });
  return {
    tables: [table],
    panel: p,
    provenance: [
      row("CityPanel version", "CityPanel 版本", CITYPANEL_VERSION),
      row("created", "生成时间", new Date().toISOString()),
      row("source", "数据来源", r.source),
      row("rows in the data", "数据行数", String(r.table.rows)),
      row("model", "模型", JSON.stringify(r.model)),
      row("computation time (ms)", "计算耗时（毫秒）", String(Date.now() - started)),
    ],
  };
}

function modelTable(def: StudyDefinition, p: ReturnType<typeof buildPanel>, m: SingleModelSpec, lang: Lang): JournalTable {
  const label = (n: string) => (n === "_cons" ? t(LABELS.constant, lang) : variableLabel(def, n, lang));
  const fes = m.fixedEffects ? [{ name: p.city.name, label: t(LABELS.cityFe, lang) }, { name: p.year.name, label: t(LABELS.yearFe, lang) }] : [];
  if (m.estimator === "fereg") {
    const r = feModel(def, p, m.y, m.x, m.fixedEffects);
    const col = columnFromFereg(r);
    return regressionTable({
      id: "model",
      sheetName: `FEREG ${m.y}`,
      title: lang === "zh" ? `固定效应回归：${label(m.y)}` : `Fixed-effects regression of ${label(m.y)}`,
      lang,
      models: [col],
      captions: [label(m.y)],
      show: [...r.terms].map((name) => ({ name, label: label(name) })),
      fixedEffects: fes,
      stats: [statN(lang), statR2(lang)],
    });
  }
  const endog = m.endog ?? [];
  const r = ivModel(def, p, m.y, endog, m.instruments ?? [], m.x);
  const models = [...endog.map((_, k) => columnFromFirstStage(r, k)), columnFromIv(r)];
  return regressionTable({
    id: "model",
    sheetName: `IV2SLS ${m.y}`,
    title: lang === "zh" ? `工具变量法（2SLS）：${label(m.y)}` : `IV (2SLS) regression of ${label(m.y)}`,
    lang,
    models,
    captions: [...endog.map((e) => `${t(LABELS.firstStage, lang)}: ${label(e)}`), `${t(LABELS.secondStage, lang)}: ${label(m.y)}`],
    show: [...(m.instruments ?? []), ...endog, ...m.x].map((name) => ({ name, label: label(name) })),
    fixedEffects: fes,
    diagnostics: [statKpLM(lang), statKpF(lang)],
    stats: [statN(lang), statR2(lang)],
    notes: [t(LABELS.kpNote, lang)],
  });
}
