import { InvalidArgumentError, type Command } from "commander";
import { instanceType, KNOWN_FAMILIES, suggestInstanceType } from "../../../components/cluster/instance-types";
import { computeMaxPods, formulaText, HIGH_CPU_THRESHOLD, type MaxPodsResult } from "../../../components/cluster/max-pods";
import { InputError } from "../../util/errors";
import { stableStringify } from "../../util/stable-json";
import type { CommandContext } from "../context";

interface MaxPodsOptions {
  prefixDelegation?: boolean;
  customNetworking?: boolean;
  maxEni?: number;
  json?: boolean;
}

export function registerMaxPods(program: Command, ctx: CommandContext): void {
  program
    .command("max-pods")
    .summary("print the max pods per node of an EC2 instance type")
    .description(
      "Compute the pods a node of the instance type can run with the Amazon VPC CNI, as EKS does: " +
        "ENIs × (IPv4 per ENI − 1) + 2, or ENIs × ((IPv4 per ENI − 1) × 16) + 2 with prefix delegation (Nitro only), " +
        `capped at 110, or 250 above ${HIGH_CPU_THRESHOLD} vCPUs. The first line is the number alone; the lines after it show how it was computed.`,
    )
    .argument("<instance-type>", "EC2 instance type, e.g. m5.large")
    .option("--prefix-delegation", "the VPC CNI assigns /28 prefixes (ENABLE_PREFIX_DELEGATION)")
    .option("--custom-networking", "pods use ENIConfig subnets: one ENI fewer")
    .option("--max-eni <n>", "use at most n ENIs", positiveInteger)
    .option("--json", "print the computation as JSON")
    .action((type: string, opts: MaxPodsOptions) => {
      const info = instanceType(type);
      if (!info) {
        const hint = suggestInstanceType(type);
        throw new InputError({
          path: "<instance-type>",
          message:
            `unknown instance type ${JSON.stringify(type)}${hint ? ` (did you mean ${hint}?)` : ""}; ` +
            `stackplan knows every size of the ${KNOWN_FAMILIES.join(", ")} families`,
        });
      }
      const result = computeMaxPods(info, {
        prefixDelegation: Boolean(opts.prefixDelegation),
        customNetworking: Boolean(opts.customNetworking),
        ...(opts.maxEni !== undefined ? { maxEni: opts.maxEni } : {}),
      });
      ctx.io.stdout(opts.json ? stableStringify(result) : explain(result, info.nitro, info.architecture));
    });
}

function positiveInteger(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new InvalidArgumentError(`expected a positive whole number, got ${JSON.stringify(value)}`);
  return Number(value);
}

/** The number, then how it was computed, aligned for reading. */
export function explain(r: MaxPodsResult, nitro: boolean, architecture: string): string {
  const capReason = r.vcpus > HIGH_CPU_THRESHOLD ? `more than ${HIGH_CPU_THRESHOLD} vCPUs` : `${HIGH_CPU_THRESHOLD} vCPUs or fewer`;
  const capped = r.uncapped > r.cap;
  const lines: [string, string][] = [
    ["ENIs", r.enis === r.enisAvailable ? `${r.enis}` : `${r.enis} (of ${r.enisAvailable})`],
    ["IPv4 per ENI", `${r.ipv4PerEni}`],
    ["mode", r.mode === "prefix-delegation" ? "prefix delegation (a /28 prefix, 16 IPs, per slot)" : "secondary IPs (one IP per pod)"],
    ["formula", `${formulaText(r.mode)} = ${r.arithmetic} = ${r.uncapped}`],
    ["cap", `${r.cap} (EKS, ${capReason}): ${capped ? `applied, ${r.uncapped} uncapped` : "not reached"}`],
    ...r.notes.map((n): [string, string] => ["note", n]),
  ];
  const width = Math.max(...lines.map(([k]) => k.length)) + 2;
  const body = lines.map(([k, v]) => `${`${k}:`.padEnd(width)}${v}`);
  return [`${r.maxPods}`, `${r.instanceType}: ${r.vcpus} vCPUs, ${nitro ? "Nitro" : "not Nitro (Xen)"}, ${architecture}`, ...body, ""].join("\n");
}
