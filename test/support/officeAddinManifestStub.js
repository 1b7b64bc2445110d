// office-addin-mock needs only the OfficeApp enum from office-addin-manifest, whose ESM-only
// dependency chain (strip-bom@5) cannot load under jest on Node 20. See ../shared/spec/office-addin.md §3.2.
module.exports = {
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
};
