/** Version of the JSON report (`{ version, envs: [CheckResult + summary] }`, keys sorted). */
export const JSON_REPORT_VERSION = 1;
