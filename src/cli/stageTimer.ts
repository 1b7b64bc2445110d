/**
 * Per-stage wall times of one command, printed on stderr as one line
 * `citypanel-profile {"stages":{…},"maxRssMB":…}` when CITYPANEL_PROFILE=1 (the bench's
 * whole-process section reads it). Costs nothing otherwise.
 */
export function stageTimer(): { mark: (stage: string) => void; report: () => void } {
  if (process.env.CITYPANEL_PROFILE !== "1") return { mark: () => undefined, report: () => undefined };
  const stages: Record<string, number> = { startup: performance.now() };
  let t = performance.now();
  return {
    mark(stage) {
      const now = performance.now();
      stages[stage] = (stages[stage] ?? 0) + (now - t);
      t = now;
    },
    report() {
      process.stderr.write(`citypanel-profile ${JSON.stringify({ stages, maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`);
    },
  };
}
