// office-addin-mock needs only the OfficeApp enum from office-addin-manifest, whose ESM-only
// dependency chain (strip-bom@5) cannot load under jest on Node 20 ("Must use import to load ES
// Module"); jest.config.js maps the package to this stub (office-addin-mock 4.0.0 →
// office-addin-manifest 3.0.0 → @microsoft/app-manifest → strip-bom@5).
module.exports = {
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
};
