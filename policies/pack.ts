/**
 * The CrossGuard pack. Only the Pulumi policy runtime loads this file (through index.js):
 * `new PolicyPack` starts the analyzer's gRPC server, so tests and the CLI use crossguard.ts.
 */
import { PolicyPack } from "@pulumi/policy";
import { ambientEnv, toPolicies } from "./crossguard";
import { RULES } from "./registry";

const env = ambientEnv();

new PolicyPack("stackplan", {
  description: "stackplan: high availability, cost-tiered metrics, log retention and security for EKS platforms",
  // Per env, the generated policies/config/<env>.json sets each policy's level; without it,
  // a production stack (or one whose class is unknown) is mandatory, any other advisory.
  enforcementLevel: env.production ? "mandatory" : "advisory",
  policies: toPolicies(RULES, env),
});
