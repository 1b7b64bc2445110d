/** Types for scripts/check-manifest.js (offline manifest check). */
export interface CheckManifestOptions {
  /** Expected custom-functions namespace (default "CITYPANEL"). */
  namespace?: string;
  /** Locales that need overrides of DisplayName, Description and the metadata URL (default ["zh-CN"]). */
  locales?: string[];
  /** File name the metadata override of a locale must point at (default functions.<locale>.json). */
  localizedMetadataFile?: (locale: string) => string;
  /** Also run `xmllint --noout` when it is installed (default true). */
  xmllint?: boolean;
}
export interface CheckManifestResult {
  ok: boolean;
  errors: string[];
  info: {
    xmllint: string;
    overrideLocales: string[];
    resids: number;
    urls: number;
    id?: string;
    version?: string;
    permissions?: string;
    runtimeResid?: string;
    namespace?: string;
  };
}
export interface XmlNode {
  name: string;
  prefix: string;
  local: string;
  ns: string;
  attrs: Record<string, string>;
  attrList: string[];
  children: XmlNode[];
  text: string;
  line: number;
}
export declare class XmlError extends Error {}
export declare function checkManifest(xml: string, options?: CheckManifestOptions): CheckManifestResult;
export declare function checkManifestFile(file: string, options?: CheckManifestOptions): CheckManifestResult;
export declare function parseXml(xml: string): XmlNode;
