import { StudyDefinition } from "../../engine/study/definition";
import { DataSource } from "./dataSource";

/** The workbook setting that keeps the mapping, so it survives reopening. */
export const SETTINGS_KEY = "citypanel.study";

/** The mapping as the workbook keeps it (document settings). */
export interface SavedMapping {
  readonly version: 1;
  readonly definition: StudyDefinition;
  readonly source?: DataSource;
  readonly savedAt: string;
}

/** The stored setting's value back as a mapping, or null when it is not one (old or foreign data). */
export function parseSavedMapping(value: unknown): SavedMapping | null {
  try {
    const v = typeof value === "string" ? JSON.parse(value) : value;
    return v && v.version === 1 && v.definition ? (v as SavedMapping) : null;
  } catch {
    return null;
  }
}
