/** Types for scripts/webpack/localizedFunctionsPlugin.js. */
interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters?: { name: string; description?: string; [key: string]: unknown }[];
  [key: string]: unknown;
}
interface Metadata {
  functions: FunctionMetadata[];
  [key: string]: unknown;
}
interface Translation {
  description: string;
  parameters?: Record<string, string>;
}
declare class LocalizedFunctionsPlugin {
  constructor(options: { metadata?: string; translations: Record<string, string>; allowErrorForDataTypeAny?: boolean });
  apply(compiler: unknown): void;
  static translate(meta: Metadata, table: Record<string, Translation>, locale: string, problems: string[]): Metadata;
}
export = LocalizedFunctionsPlugin;
