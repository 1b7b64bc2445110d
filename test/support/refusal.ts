/** The CityPanelError a call throws; fails the test when the call does not throw. */
import { CityPanelError } from "../../src/engine/errors";

export function refusal(fn: () => unknown): CityPanelError {
  try {
    fn();
  } catch (e) {
    return e as CityPanelError;
  }
  throw new Error("expected a refusal");
}
