/*
 * CityPanel custom functions (namespace CITYPANEL). Every function here is a top-level exported
 * declaration with a JSDoc `@customfunction ID` tag: CustomFunctionsMetadataPlugin turns the JSDoc
 * into dist/functions.json and appends `CustomFunctions.associate("ID", fn)` to this module.
 * Each function also needs a zh-CN entry in ./i18n/zh-CN.json (the build fails without it).
 */
import { CITYPANEL_VERSION } from "../engine/version";

/**
 * Returns the CityPanel engine version, e.g. "0.1.0".
 * @customfunction ENGINEVERSION
 * @returns The version of the CityPanel engine the add-in runs.
 */
export function engineVersion(): string {
  return CITYPANEL_VERSION;
}
