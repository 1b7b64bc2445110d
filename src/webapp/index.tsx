/*
 * The standalone web app (app.html): the task pane's Data → Map → Run → Output steps without
 * Office, over a CSV / .xlsx file opened from disk, with a results.xlsx download. For Excel
 * without web add-ins (Office 2016/2019, WPS) and for any browser: served from the same
 * static host as the add-in, or locally by `npx citypanel serve`.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { langFromLocale } from "../engine/i18n/lang";
import { App } from "../taskpane/components/App";
import { fileServices } from "./fileServices";

const lang = langFromLocale(navigator.language || "en-US");
document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
const container = document.getElementById("container");
if (!container) throw new Error("app.html has no #container");
createRoot(container).render(
  <FluentProvider theme={webLightTheme}>
    <App services={fileServices()} initialLang={lang} />
  </FluentProvider>,
);
