/*
 * Task pane entry. In the shared runtime this page also hosts the custom functions (the
 * `functions` chunk is loaded on the same page, one webpack runtime for both). The pane's
 * Office.js calls are all in ./excel; the study runs in a Web Worker (study.worker.js).
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { langFromLocale } from "../engine/i18n/lang";
import { App } from "./components/App";
import { taskpaneServices } from "./services";

/** The UI language: Office's display language inside Office, the browser's outside (tests). */
function displayLanguage(): string {
  const office = typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined;
  return office || navigator.language || "en-US";
}

function render(): void {
  const lang = langFromLocale(displayLanguage());
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  const container = document.getElementById("container");
  if (!container) throw new Error("taskpane.html has no #container");
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App services={taskpaneServices()} initialLang={lang} />
    </FluentProvider>,
  );
}

if (typeof Office !== "undefined") Office.onReady(() => render());
else render();
