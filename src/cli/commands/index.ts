/** Every command of the CLI, in the order `stackplan --help` lists them. */
import type { Command } from "commander";
import type { CommandContext } from "../context";
import { registerSchema } from "./schema";
import { registerCheck } from "./check";
import { registerCost } from "./cost";
import { registerDiff } from "./diff";
import { registerRender } from "./render";
import { registerReport } from "./report";
import { registerReview } from "./review";
import { registerRules } from "./rules";
import { registerMaxPods } from "./max-pods";
import { registerBuild } from "./build";
import { registerCi } from "./ci";
import { registerPromote } from "./promote";
import { registerSpec } from "./spec";

export type RegisterCommand = (program: Command, ctx: CommandContext) => void;

export const COMMANDS: readonly RegisterCommand[] = [
  // The daily work, in the order of the pipeline …
  registerReview,
  registerRender,
  registerDiff,
  registerCheck,
  registerCost,
  registerReport,
  registerPromote,
  registerCi,
  // … then the tools behind it.
  registerSpec,
  registerSchema,
  registerBuild,
  registerRules,
  registerMaxPods,
];
