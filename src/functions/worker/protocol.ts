import { ErrorWire } from "../../engine/errors";
import { Lang } from "../../engine/i18n/lang";
import { Spill } from "../adapters/common";
import { HeavyFunction } from "./heavyFunctions";

/** Messages between the custom functions and their worker (structured-clone friendly). */
export interface HeavyRequest {
  readonly id: number;
  readonly fn: HeavyFunction;
  readonly args: readonly unknown[];
  readonly lang: Lang;
}

export type HeavyReply =
  | { readonly id: number; readonly spill: Spill }
  | { readonly id: number; readonly error: ErrorWire };
