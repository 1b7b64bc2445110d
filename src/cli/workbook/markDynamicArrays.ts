import * as fs from "fs";
import JSZip from "jszip";

/**
 * Turn every formula cell of an exceljs-written workbook into a dynamic-array formula, the
 * markup Excel itself (and XlsxWriter's write_dynamic_array_formula) writes, so formulas
 * spill when the workbook opens instead of showing one implicitly-intersected value:
 * - the cell gets `cm="1"` and its formula `<f t="array" ref="B3">`;
 * - `xl/metadata.xml` declares the XLDAPR metadata type (fDynamic="1");
 * - a content-type override and a workbook relationship point at it.
 * The workbook is also marked for a full calculation on load.
 *
 * @example
 * await markDynamicArrays("CityPanel-template.xlsx")   // rewrites the file in place
 */
const METADATA_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray">' +
  '<metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes>' +
  '<futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata>' +
  '<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>';
const METADATA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml";
const METADATA_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata";

/** Mark the formula cells of one worksheet's XML; returns the new XML and how many cells were marked. */
export function markSheetXml(xml: string): { xml: string; marked: number } {
  let marked = 0;
  const out = xml.replace(/<c r="([A-Z]+\d+)"([^>]*)><f>/g, (_m, ref: string, attrs: string) => {
    marked++;
    const rest = attrs.replace(/\s+cm="\d+"/, "");
    return `<c r="${ref}"${rest} cm="1"><f t="array" ref="${ref}">`;
  });
  return { xml: out, marked };
}

export async function markDynamicArrays(file: string): Promise<number> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  let total = 0;
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    const { xml, marked } = markSheetXml(await zip.file(name)!.async("string"));
    total += marked;
    zip.file(name, xml);
  }
  zip.file("xl/metadata.xml", METADATA_XML);
  const types = await zip.file("[Content_Types].xml")!.async("string");
  if (!types.includes("/xl/metadata.xml")) {
    zip.file("[Content_Types].xml", types.replace("</Types>", `<Override PartName="/xl/metadata.xml" ContentType="${METADATA_TYPE}"/></Types>`));
  }
  const relsName = "xl/_rels/workbook.xml.rels";
  const rels = await zip.file(relsName)!.async("string");
  if (!rels.includes(METADATA_REL)) {
    zip.file(relsName, rels.replace("</Relationships>", `<Relationship Id="rIdCityPanelMetadata" Type="${METADATA_REL}" Target="metadata.xml"/></Relationships>`));
  }
  const buf = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  fs.writeFileSync(file, buf);
  return total;
}
