/** @jest-environment jsdom */
import * as React from "react";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { RunStep, RunStepProps } from "../../src/taskpane/components/RunStep";

function Harness(props: Partial<RunStepProps> & { onRunSpy?: () => void }) {
  const [selected, setSelected] = React.useState<string[]>(["table1", "table2", "table3", "table4", "table5", "table6", "table7"]);
  return (
    <FluentProvider theme={webLightTheme}>
      <RunStep lang="en" available={["table1", "table2", "table3", "table4", "table5", "table6", "table7"]} selected={selected} onSelect={setSelected}
        mode="tables" onMode={() => undefined} model={{ estimator: "fereg", y: "", x: [], fixedEffects: true, vcov: "robust" }} onModel={() => undefined}
        variables={["inn", "digit"]} columns={["city"]} liveFormulas={false} liveAvailable={false} onLiveFormulas={() => undefined}
        onRun={props.onRunSpy ?? (() => undefined)} onCancel={() => undefined} running={false} progress={null} error={null} status={null} {...props} />
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
