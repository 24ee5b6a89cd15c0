/** Every command of the CLI, in the order `stackplan --help` lists them. */
import type { Command } from "commander";
import type { CommandContext } from "../context";
import { registerBuild } from "./build";
import { registerSpec } from "./spec";

export type RegisterCommand = (program: Command, ctx: CommandContext) => void;

export const COMMANDS: readonly RegisterCommand[] = [registerSpec, registerBuild];
