// The Pulumi program of every stack. `pulumi preview`/`up` run the compiled form
// (dist/stacks/index.js, see Pulumi.yaml); stackplan's offline engine runs the same file.
import { runProgram } from "../src/program/entry";

export = runProgram;
