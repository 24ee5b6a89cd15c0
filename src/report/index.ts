/** The HTML report: view model (pure) → markup → one self-contained file. */
export { reportModelOf, envViewOf, type EnvInput, type ReportInput } from "./build";
export { reportHtml, REPORT_MARKER } from "./html";
export { assertReplaceable, writeReport } from "./output";
export type { ReportModel, EnvView, MapView } from "./model";
