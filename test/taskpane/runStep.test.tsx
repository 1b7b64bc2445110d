/** @jest-environment jsdom */
import * as React from "react";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { RunStep, RunStepProps } from "../../src/taskpane/components/RunStep";
import { RunChoice } from "../../src/taskpane/state/useStudyRun";

const TABLES = ["table1", "table2", "table3", "table4", "table5", "table6", "table7"];

function Harness(props: Partial<RunStepProps> & { onRunSpy?: () => void }) {
  const [choice, setChoice] = React.useState<RunChoice>({
    mode: "tables", tables: TABLES, liveFormulas: false, model: { estimator: "fereg", y: "", x: [], fixedEffects: true, vcov: "robust" },
  });
  return (
    <FluentProvider theme={webLightTheme}>
      <RunStep lang="en" available={TABLES} liveAvailable={false} names={{ variables: ["inn", "digit"], columns: ["city"] }}
        choice={choice} onChoice={(patch) => setChoice((c) => ({ ...c, ...patch }))}
        state={{ running: false, progress: null, error: null, cancelled: false }}
        onRun={props.onRunSpy ?? (() => undefined)} onCancel={() => undefined} {...props} />
    </FluentProvider>
  );
}

test("All tables toggles every table; then one table can be chosen alone", async () => {
  const user = userEvent.setup();
  render(<Harness />);
  const all = screen.getByRole("checkbox", { name: "All tables" });
  expect((all as HTMLInputElement).checked).toBe(true);
  await user.click(all);
  expect((screen.getByRole("checkbox", { name: "Table 1 Index weights" }) as HTMLInputElement).checked).toBe(false);
  await user.click(screen.getByRole("checkbox", { name: "Table 4 IV 2SLS" }));
  expect((screen.getByRole("checkbox", { name: "Table 4 IV 2SLS" }) as HTMLInputElement).checked).toBe(true);
  expect((screen.getByRole("checkbox", { name: "Table 3 Baseline" }) as HTMLInputElement).checked).toBe(false);
});
