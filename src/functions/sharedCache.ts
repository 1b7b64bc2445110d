import { AbsorptionCache, createAbsorptionCache } from "../engine/fe/absorptionCache";

/**
 * The one absorption cache of the workbook's custom functions (FEREG and IV2SLS): the shared
 * runtime loads this module once (webpack runtimeChunk "single"), so every FEREG/IV2SLS cell over
 * the same panel re-uses the demeaned columns. Bounded: 12 panels (sample × fixed effects ×
 * clusters), each remembering up to 256 demeaned columns, least recently used evicted.
 */
export const MAX_CACHED_PANELS = 12;
export const absorptionCache: AbsorptionCache = createAbsorptionCache(MAX_CACHED_PANELS);
