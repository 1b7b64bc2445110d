/** CityPanel's version (kept equal to package.json's by a test). */
export const CITYPANEL_VERSION = "0.1.0";
