/**
 * Every rule, in report order, and the packs (one per family). The registry test pins these
 * lists: adding, removing or renumbering a rule is a deliberate, reviewed change.
 */
import { FAMILIES, type Family, type Rule } from "./lib/rule";
import { rule as HA001 } from "./rules/ha/HA-001-replicas";
import { rule as HA002 } from "./rules/ha/HA-002-pdb-selects-pods";
import { rule as HA003 } from "./rules/ha/HA-003-pdb-allows-disruption";
import { rule as HA004 } from "./rules/ha/HA-004-topology-spread";
import { rule as HA005 } from "./rules/ha/HA-005-probes";
import { rule as HA006 } from "./rules/ha/HA-006-resources";
import { rule as HA007 } from "./rules/ha/HA-007-hpa";
import { rule as HA008 } from "./rules/ha/HA-008-image-pinned";
import { rule as HA009 } from "./rules/ha/HA-009-do-not-disrupt";
import { rule as AZ001 } from "./rules/az/AZ-001-subnets-span-azs";
import { rule as AZ002 } from "./rules/az/AZ-002-node-groups-span-azs";
import { rule as AZ003 } from "./rules/az/AZ-003-nat-per-az";
import { rule as AZ004 } from "./rules/az/AZ-004-node-group-min-size";
import { rule as AZ005 } from "./rules/az/AZ-005-cluster-subnets";
import { rule as AZ006 } from "./rules/az/AZ-006-capacity";
import { rule as AZ007 } from "./rules/az/AZ-007-zone-spread-capacity";
import { rule as MET001 } from "./rules/met/MET-001-tier-tag";
import { rule as MET002 } from "./rules/met/MET-002-period-matches-tier";
import { rule as MET003 } from "./rules/met/MET-003-high-resolution";
import { rule as MET004 } from "./rules/met/MET-004-valid-period";
import { rule as MET005 } from "./rules/met/MET-005-evaluation-window";
import { rule as LOG001 } from "./rules/log/LOG-001-tier-tag";
import { rule as LOG002 } from "./rules/log/LOG-002-retention-valid";
import { rule as LOG003 } from "./rules/log/LOG-003-retention-matches-tier";
import { rule as LOG004 } from "./rules/log/LOG-004-eks-log-group-first";
import { rule as LOG005 } from "./rules/log/LOG-005-flow-logs-security-tier";
import { rule as SEC001 } from "./rules/sec/SEC-001-no-admin-ports-from-internet";
import { rule as SEC002 } from "./rules/sec/SEC-002-no-iam-admin-wildcard";
import { rule as SEC003 } from "./rules/sec/SEC-003-private-endpoint";
import { rule as SEC004 } from "./rules/sec/SEC-004-secrets-encryption";
import { rule as SEC005 } from "./rules/sec/SEC-005-no-privileged";
import { rule as SEC006 } from "./rules/sec/SEC-006-run-as-non-root";

export const RULES: readonly Rule[] = [
  HA001, HA002, HA003, HA004, HA005, HA006, HA007, HA008, HA009,
  AZ001, AZ002, AZ003, AZ004, AZ005, AZ006, AZ007,
  MET001, MET002, MET003, MET004, MET005,
  LOG001, LOG002, LOG003, LOG004, LOG005,
  SEC001, SEC002, SEC003, SEC004, SEC005, SEC006,
];

/** Rule ids per pack (one pack per family). */
export const PACKS: Readonly<Record<Family, readonly string[]>> = Object.fromEntries(
  (Object.keys(FAMILIES) as Family[]).map((f) => [f, RULES.filter((r) => r.family === f).map((r) => r.id)]),
) as unknown as Record<Family, readonly string[]>;

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
