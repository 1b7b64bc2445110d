/** The mapping kept in the workbook's document settings, so it survives reopening. */
import { StudyDefinition } from "../../engine/study/definition";
import { cleanDefinition } from "../model/autoMap";
import { DataSource } from "../model/dataSource";
import { parseSavedMapping, SavedMapping, SETTINGS_KEY } from "../model/savedMapping";

export async function saveMapping(def: StudyDefinition, source?: DataSource): Promise<void> {
  const saved: SavedMapping = { version: 1, definition: cleanDefinition(def), ...(source ? { source } : {}), savedAt: new Date().toISOString() };
  await Excel.run(async (context) => {
    context.workbook.settings.add(SETTINGS_KEY, JSON.stringify(saved));
    await context.sync();
  });
}

export async function loadMapping(): Promise<SavedMapping | null> {
  return Excel.run(async (context) => {
    const item = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
    item.load("value");
    await context.sync();
    if (item.isNullObject) return null;
    return parseSavedMapping(item.value);
  });
}
