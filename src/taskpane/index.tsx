/*
 * Task pane entry. In the shared runtime this page also hosts the custom functions (the
 * `functions` chunk is loaded on the same page, one webpack runtime for both).
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, Title1, webLightTheme } from "@fluentui/react-components";

const TITLE = { en: "CityPanel", zh: "城市面板计量" };

/** The UI language: Office's display language inside Office, the browser's outside (tests). */
function displayLanguage(): string {
  const office = typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined;
  return office || navigator.language || "en-US";
}

function render(): void {
  const language = displayLanguage();
  const zh = /^zh(-|$)/i.test(language);
  document.documentElement.lang = zh ? "zh-CN" : "en";
  const container = document.getElementById("container");
  if (!container) throw new Error("taskpane.html has no #container");
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <Title1 as="h1" id="citypanel-title">
        {zh ? TITLE.zh : TITLE.en}
      </Title1>
    </FluentProvider>,
  );
}

if (typeof Office !== "undefined") Office.onReady(() => render());
else render();
