/**
 * Errors the user can act on. Every problem names the file, the path inside it and, where the
 * file has one, the line; the CLI prints them together and exits 2 (policy failures exit 1).
 * Anything else that escapes is a bug in stackplan and is reported as such.
 */

export interface Problem {
  /** File the problem was found in, relative to the project root where possible. */
  readonly file?: string;
  /** Path inside the file, in dotted form with [n] for list items: `services.web.replicas`. */
  readonly path?: string;
  readonly line?: number;
  readonly column?: number;
  /** What was expected, quoting the offending value. */
  readonly message: string;
}

/** Bad input: a file, a flag or an argument that stackplan cannot use. Exit code 2. */
export class InputError extends Error {
  readonly problems: readonly Problem[];
  /** A short headline printed before the problems when there are several. */
  readonly headline: string | undefined;

  constructor(problems: Problem | readonly Problem[], headline?: string) {
    const list = Array.isArray(problems) ? (problems as readonly Problem[]) : [problems as Problem];
    super(formatProblems(list, headline));
    this.name = "InputError";
    this.problems = list;
    this.headline = headline;
  }
}

/** A check or diff outcome that must fail the command (mandatory violation, `--exit-code`). Exit 1. */
export class FailureExit extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FailureExit";
  }
}

export function inputError(message: string, where: Omit<Problem, "message"> = {}): InputError {
  return new InputError({ ...where, message });
}

/** `file:line:col: path: message`, the shape editors and CI annotations recognise. */
export function formatProblem(p: Problem): string {
  let where = "";
  if (p.file) {
    where = p.file;
    if (p.line !== undefined) where += `:${p.line}`;
    if (p.line !== undefined && p.column !== undefined) where += `:${p.column}`;
  }
  const head = [where, p.path].filter((s) => s !== undefined && s !== "").join(": ");
  return head ? `${head}: ${p.message}` : p.message;
}

export function formatProblems(problems: readonly Problem[], headline?: string): string {
  if (problems.length === 1 && !headline) return formatProblem(problems[0]!);
  const lines = problems.map((p) => `  ${formatProblem(p)}`);
  const head = headline ?? `${problems.length} problems:`;
  return [head, ...lines].join("\n");
}

/** Dotted path for display: ["services", "web", "ports", 0] → `services.web.ports[0]`. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** Quote a value for a message, short enough to read on one line. */
export function quote(value: unknown, max = 60): string {
  let s: string;
  try {
    s = value === undefined ? "undefined" : JSON.stringify(value);
  } catch {
    s = String(value);
  }
  if (s === undefined) s = String(value);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
