/** Small helpers shared by test files. */
import { InputError } from "../src/util/errors";

/** Run `fn`, which must throw an InputError, and return it. */
export function inputErrorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error("expected an InputError, nothing was thrown");
}
