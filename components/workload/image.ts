/** Image references: `repository:tag`, `repository@digest` or `repository:tag@digest`. */
import type { ResolvedService } from "../../src/spec/schema";

export function imageReference(image: ResolvedService["image"]): string {
  return `${image.repository}${image.tag !== undefined ? `:${image.tag}` : ""}${image.digest !== undefined ? `@${image.digest}` : ""}`;
}
