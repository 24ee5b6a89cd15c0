/**
 * Errors raised while the program builds the platform carry the component (type and name) and,
 * where known, the child resource being built, so the offline engine can report
 * `stackplan:network:Network "core" › subnet "core-private-use1-az1": <why>` instead of a stack trace.
 */
export class ComponentError extends Error {
  constructor(
    /** `<type token> "<name>"` of the component. */
    readonly component: string,
    /** Logical name of the child resource being built, if any. */
    readonly resource: string | undefined,
    readonly reason: string,
  ) {
    super(`${component}${resource ? ` › ${JSON.stringify(resource)}` : ""}: ${reason}`);
    this.name = "ComponentError";
  }
}

/**
 * Run the body of a component constructor (or one child's construction); any error that escapes
 * is rethrown as a ComponentError naming them. Nested calls keep the innermost component.
 */
export function withinComponent<T>(type: string, name: string, body: () => T, resource?: string): T {
  try {
    return body();
  } catch (err) {
    if (err instanceof ComponentError) throw err;
    if (err && typeof err === "object" && (err as { name?: string }).name === "InputError") throw err;
    throw new ComponentError(`${type} ${JSON.stringify(name)}`, resource, err instanceof Error ? err.message : String(err));
  }
}
