import type { ModelDef } from "../model.ts";
import { chatModel } from "./chat/index.ts";
import { flowModel } from "./flow/index.ts";
import { logModel } from "./log/index.ts";

/** Every model, by the name scenario files use. */
export const MODELS: ReadonlyMap<string, ModelDef> = new Map([flowModel, chatModel, logModel].map((m) => [m.name, m]));
