/** Where the pane reads the panel from: the selection, a named range or an Excel table (the add-in), or a file (the web app). */
export type DataSource =
  | { readonly kind: "selection" }
  | { readonly kind: "name"; readonly name: string }
  | { readonly kind: "table"; readonly name: string }
  | { readonly kind: "file"; readonly name: string };
