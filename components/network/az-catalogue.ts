/**
 * Availability Zones by AZ ID, per region. AZ IDs (`use1-az1`) name the same physical zone in
 * every account; AZ names (`us-east-1a`) do not, so stackplan never places anything by name.
 *
 * Sources: the AWS RAM "AZ IDs" table and the EKS user guide's subnet requirements
 * (shared/reference/aws-facts.md §5). A region missing here is an input error, not a guess:
 * add it with its AZ IDs, in ascending order.
 */
import type { PathSegment } from "../shared/problems";
import { listWords, Problems, type Locate } from "../shared/problems";

export interface RegionZones {
  /** Every AZ ID of the region, in catalogue order (the order `azCount` picks from). */
  readonly azIds: readonly string[];
  /** AZ IDs the EKS control plane refuses for cluster subnets (UnsupportedAvailabilityZoneException). */
  readonly eksRefused: readonly string[];
}

export const AZ_CATALOGUE: Readonly<Record<string, RegionZones>> = {
  "us-east-1": { azIds: ["use1-az1", "use1-az2", "use1-az3", "use1-az4", "use1-az5", "use1-az6"], eksRefused: ["use1-az3"] },
  "us-east-2": { azIds: ["use2-az1", "use2-az2", "use2-az3"], eksRefused: [] },
  "us-west-1": { azIds: ["usw1-az1", "usw1-az2", "usw1-az3"], eksRefused: ["usw1-az2"] },
  "us-west-2": { azIds: ["usw2-az1", "usw2-az2", "usw2-az3", "usw2-az4"], eksRefused: [] },
  // cac1-az3 exists only for some accounts; EKS refuses it either way.
  "ca-central-1": { azIds: ["cac1-az1", "cac1-az2", "cac1-az3", "cac1-az4"], eksRefused: ["cac1-az3"] },
  "eu-west-1": { azIds: ["euw1-az1", "euw1-az2", "euw1-az3"], eksRefused: [] },
  "eu-central-1": { azIds: ["euc1-az1", "euc1-az2", "euc1-az3"], eksRefused: [] },
  "ap-southeast-1": { azIds: ["apse1-az1", "apse1-az2", "apse1-az3"], eksRefused: [] },
  "ap-northeast-1": { azIds: ["apne1-az1", "apne1-az2", "apne1-az3", "apne1-az4"], eksRefused: [] },
};

/** EKS needs cluster subnets in at least this many AZs. */
export const MIN_CLUSTER_AZS = 2;

/** AZ IDs of the region EKS accepts for cluster subnets, in catalogue order. */
export function eksAcceptedAzIds(region: string): readonly string[] | undefined {
  const zones = AZ_CATALOGUE[region];
  return zones?.azIds.filter((id) => !zones.eksRefused.includes(id));
}

export interface AzSelection {
  /** Either `azIds` (explicit, in slot order) or `azCount` (the first N accepted AZ IDs). */
  readonly azIds?: readonly string[];
  readonly azCount: number;
}

/**
 * The AZ IDs the network spans, in slot order. Explicit IDs are checked against the catalogue;
 * `azCount` takes the first N AZ IDs EKS accepts, so raising it appends AZs and never moves one.
 */
export function resolveAzIds(region: string, sel: AzSelection, locate?: Locate): string[] {
  const problems = new Problems(locate);
  const zones = AZ_CATALOGUE[region];
  const accepted = eksAcceptedAzIds(region);
  if (!zones || !accepted) {
    const path: PathSegment[] = sel.azIds ? ["network", "azIds"] : ["network", "azCount"];
    problems.add(
      path,
      `region ${JSON.stringify(region)} is not in the AZ catalogue (known: ${Object.keys(AZ_CATALOGUE).join(", ")}); ` +
        "add its AZ IDs to components/network/az-catalogue.ts",
    );
    problems.throwIfAny("network");
    return [];
  }
  const acceptedText = `accepted AZ IDs in ${region}: ${accepted.join(", ")}`;
  if (sel.azIds) {
    const seen = new Set<string>();
    sel.azIds.forEach((id, i) => {
      const path = ["network", "azIds", i];
      if (seen.has(id)) problems.add(path, `AZ ID ${JSON.stringify(id)} is listed twice`);
      else if (!zones.azIds.includes(id)) problems.add(path, `unknown AZ ID ${JSON.stringify(id)} for region ${region}; ${acceptedText}`);
      else if (zones.eksRefused.includes(id)) {
        problems.add(path, `AZ ID ${JSON.stringify(id)} is not supported by EKS for cluster subnets in ${region}; ${acceptedText}`);
      }
      seen.add(id);
    });
    if (sel.azIds.length < MIN_CLUSTER_AZS) {
      problems.add(["network", "azIds"], `EKS needs subnets in at least ${MIN_CLUSTER_AZS} AZs, got ${sel.azIds.length}; ${acceptedText}`);
    }
    problems.throwIfAny("network");
    return [...sel.azIds];
  }
  if (sel.azCount < MIN_CLUSTER_AZS) {
    problems.add(["network", "azCount"], `EKS needs subnets in at least ${MIN_CLUSTER_AZS} AZs, got ${sel.azCount}`);
  } else if (sel.azCount > accepted.length) {
    problems.add(
      ["network", "azCount"],
      `${region} has ${accepted.length} AZs EKS accepts (${listWords([...accepted])}), ${sel.azCount} asked`,
    );
  }
  problems.throwIfAny("network");
  return accepted.slice(0, sel.azCount);
}
