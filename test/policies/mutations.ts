/** One mutation per violation of every rule, applied to a fresh compliant platform. */
import type { PlanBuilder } from "./fixtures/builder";
import { UNKNOWN } from "./fixtures/builder";

// Fixtures are plain JSON; mutations reach into them by path.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;
const inputs = (b: PlanBuilder, name: string): Any => b.get(name).inputs;
const pod = (b: PlanBuilder, name: string): Any => inputs(b, name).spec.template.spec;
const container = (b: PlanBuilder, name: string): Any => pod(b, name).containers[0];

export interface Mutation {
  readonly rule: string;
  readonly what: string;
  readonly mutate: (b: PlanBuilder) => void;
  /** A substring of the expected message. */
  readonly says: string;
  readonly production?: boolean;
}

export const MUTATIONS: readonly Mutation[] = [
  { rule: "HA-001", what: "one replica", mutate: (b) => (inputs(b, "worker").spec.replicas = 1), says: "runs 1 replica(s)" },
  { rule: "HA-001", what: "replicas unset without an HPA", mutate: (b) => delete inputs(b, "worker").spec.replicas, says: "spec.replicas (unset: 1)" },
  { rule: "HA-001", what: "critical service with 2 replicas in production", mutate: (b) => { b.remove("web-hpa"); inputs(b, "web").spec.replicas = 2; }, says: "needs at least 3 (critical service in production" },
  { rule: "HA-002", what: "no PDB", mutate: (b) => b.remove("worker-pdb"), says: "no PodDisruptionBudget in namespace shop selects its pods" },
  { rule: "HA-002", what: "PDB matchExpressions exclude the pods", mutate: (b) => (inputs(b, "worker-pdb").spec.selector.matchExpressions[0].values = ["critical"]), says: "no PodDisruptionBudget" },
  { rule: "HA-002", what: "PDB in another namespace", mutate: (b) => (inputs(b, "worker-pdb").metadata.namespace = "other"), says: "no PodDisruptionBudget in namespace shop" },
  { rule: "HA-002", what: "two PDBs select the same pods", mutate: (b) => b.add({ ...b.get("web-pdb"), name: "web-pdb-2", inputs: { ...inputs(b, "web-pdb"), metadata: { name: "web-2", namespace: "shop" } } }), says: "2 PodDisruptionBudgets select its pods" },
  { rule: "HA-002", what: "dangling PDB", mutate: (b) => b.add({ ...b.get("web-pdb"), name: "ghost-pdb", inputs: { ...inputs(b, "web-pdb"), metadata: { name: "ghost", namespace: "shop" }, spec: { maxUnavailable: 1, selector: { matchLabels: { "app.kubernetes.io/name": "ghost" } } } } }), says: "selects no pods" },
  { rule: "HA-003", what: "minAvailable equals replicas", mutate: (b) => (inputs(b, "worker-pdb").spec = { minAvailable: 2, selector: inputs(b, "worker-pdb").spec.selector }), says: "minAvailable 2 allows 0 disruptions at 2 expected pod(s)" },
  { rule: "HA-003", what: "minAvailable 100%", mutate: (b) => (inputs(b, "worker-pdb").spec.minAvailable = "100%"), says: 'minAvailable "100%" allows 0 disruptions' },
  { rule: "HA-003", what: "maxUnavailable 0", mutate: (b) => (inputs(b, "web-pdb").spec.maxUnavailable = 0), says: "maxUnavailable 0 allows 0 disruptions at 3 expected pod(s) (web: the HPA web's minReplicas 3)" },
  { rule: "HA-003", what: "minAvailable equals the HPA floor", mutate: (b) => (inputs(b, "web-pdb").spec = { minAvailable: 3, selector: inputs(b, "web-pdb").spec.selector }), says: "allows 0 disruptions at 3 expected pod(s)" },
  { rule: "HA-003", what: "no budget", mutate: (b) => (inputs(b, "web-pdb").spec = { selector: inputs(b, "web-pdb").spec.selector }), says: "sets neither minAvailable nor maxUnavailable" },
  { rule: "HA-004", what: "no zone spread", mutate: (b) => pod(b, "web").topologySpreadConstraints.splice(0, 1), says: "across zones" },
  { rule: "HA-004", what: "hostname spread selects other pods", mutate: (b) => (pod(b, "web").topologySpreadConstraints[1].labelSelector = { matchLabels: { "app.kubernetes.io/name": "api" } }), says: "across nodes" },
  { rule: "HA-005", what: "no readiness probe", mutate: (b) => delete container(b, "web").readinessProbe, says: "has no readiness probe" },
  { rule: "HA-005", what: "no liveness probe", mutate: (b) => delete container(b, "web").livenessProbe, says: "has no liveness probe" },
  { rule: "HA-005", what: "same handler (named vs numbered port), liveness not later", mutate: (b) => { container(b, "web").livenessProbe = { httpGet: { path: "/ready", port: 8080 }, periodSeconds: 5 }; }, says: "run the same check" },
  { rule: "HA-006", what: "no CPU request", mutate: (b) => delete container(b, "web").resources.requests.cpu, says: "no request for cpu" },
  { rule: "HA-006", what: "no memory limit", mutate: (b) => delete container(b, "worker").resources.limits, says: "no limit for memory" },
  { rule: "HA-007", what: "HPA floor below 3 for a critical service in production", mutate: (b) => (inputs(b, "web-hpa").spec.minReplicas = 2), says: "minReplicas 2 is below 3" },
  { rule: "HA-007", what: "HPA max not above min", mutate: (b) => (inputs(b, "web-hpa").spec.maxReplicas = 3), says: "leaves no room to scale" },
  { rule: "HA-007", what: "Deployment sets replicas under an HPA", mutate: (b) => (inputs(b, "web").spec.replicas = 3), says: "sets spec.replicas 3 while the HPA web scales it" },
  { rule: "HA-007", what: "HPA targets nothing", mutate: (b) => (inputs(b, "web-hpa").spec.scaleTargetRef.name = "webb"), says: "targets Deployment/webb, which does not exist" },
  { rule: "HA-008", what: "latest tag", mutate: (b) => (container(b, "web").image = "nginx:latest"), says: "mutable tag latest" },
  { rule: "HA-008", what: "no tag (registry with a port)", mutate: (b) => (container(b, "web").image = "registry.local:5000/shop/web"), says: "with no tag" },
  { rule: "HA-009", what: "do-not-disrupt on the pod template", mutate: (b) => (inputs(b, "worker").spec.template.metadata.annotations = { "karpenter.sh/do-not-disrupt": "true" }), says: "its pods set karpenter.sh/do-not-disrupt" },
  { rule: "AZ-001", what: "subnet placed by AZ name", mutate: (b) => { const s = inputs(b, "network-public-use1-az1"); delete s.availabilityZoneId; s.availabilityZone = "us-east-1a"; }, says: "placed by AZ name \"us-east-1a\"" },
  { rule: "AZ-001", what: "VPC in 2 AZ IDs in production", mutate: (b) => { for (const t of ["public", "private"]) inputs(b, `network-${t}-use1-az4`).availabilityZoneId = "use1-az2"; }, says: "span 2 AZ ID(s)" },
  { rule: "AZ-002", what: "node group in one AZ", mutate: (b) => (b.get("cluster-general").from!["subnetIds"] = ["network-private-use1-az1"]), says: "span 1 AZ ID(s) (use1-az1)" },
  { rule: "AZ-002", what: "node group subnets unknown and not in the stack", mutate: (b) => { b.get("cluster-general").from!["subnetIds"] = []; inputs(b, "cluster-general").subnetIds = [UNKNOWN]; }, says: "cannot evaluate subnetIds" },
  { rule: "AZ-003", what: "one NAT gateway in production", mutate: (b) => { b.remove("network-nat-use1-az2"); b.remove("network-nat-use1-az4"); }, says: "AZ ID use1-az2 has subnets but no public NAT gateway" },
  { rule: "AZ-004", what: "minSize below the AZ count", mutate: (b) => (inputs(b, "cluster-batch").scalingConfig.minSize = 2), says: "minSize 2 is below its 3 AZ IDs" },
  { rule: "AZ-005", what: "cluster subnet in use1-az3", mutate: (b) => (inputs(b, "network-private-use1-az4").availabilityZoneId = "use1-az3"), says: "where EKS refuses control-plane subnets" },
  { rule: "AZ-006", what: "node group too small for the HPA maximum", mutate: (b) => (inputs(b, "web-hpa").spec.maxReplicas = 400), says: "general: up to 402 pods can only run here" },
  { rule: "AZ-006", what: "pods fit no node group", mutate: (b) => (pod(b, "worker").tolerations = []), says: "no node group accepts its pods" },
  { rule: "AZ-006", what: "max pods unknown", mutate: (b) => (inputs(b, "cluster-nodes-lt").userData = ""), says: "cannot evaluate maxPods" },
  { rule: "AZ-007", what: "zone spread on a one-zone node group", mutate: (b) => (b.get("cluster-batch").from!["subnetIds"] = ["network-private-use1-az1"]), says: "spreads over zones but the node groups it can use (batch) span 1 AZ ID(s)" },
  { rule: "MET-001", what: "alarm without a tier", mutate: (b) => delete inputs(b, "observability-pod-restarts").tags["stackplan:tier"], says: "has no stackplan:tier tag" },
  { rule: "MET-001", what: "filter name without a tier", mutate: (b) => (inputs(b, "observability-orders-filter").name = "shop/orders-placed"), says: "does not follow <prefix>/<tier>/<key>" },
  { rule: "MET-002", what: "important alarm at 60 s", mutate: (b) => (inputs(b, "observability-pod-restarts").period = 60), says: "period 60s does not match its important tier (300s)" },
  { rule: "MET-003", what: "high resolution not declared", mutate: (b) => delete inputs(b, "observability-checkout-latency-fast").tags["stackplan:high-resolution"], says: "does not declare stackplan:high-resolution" },
  { rule: "MET-003", what: "high resolution on nice-to-have", mutate: (b) => Object.assign(inputs(b, "observability-node-disk"), { period: 30, tags: { "stackplan:tier": "nice-to-have", "stackplan:high-resolution": "true" } }), says: "only critical alarms may" },
  { rule: "MET-004", what: "period 90", mutate: (b) => (inputs(b, "observability-checkout-errors").period = 90), says: "period 90s is not valid" },
  { rule: "MET-005", what: "window over a day", mutate: (b) => (inputs(b, "observability-node-disk").evaluationPeriods = 100), says: "100 × 900s = 90000s" },
  { rule: "MET-005", what: "no evaluationPeriods", mutate: (b) => delete inputs(b, "observability-node-disk").evaluationPeriods, says: "has no evaluationPeriods" },
  { rule: "LOG-001", what: "log group without a tier", mutate: (b) => (inputs(b, "observability-debug").tags = {}), says: "has no stackplan:tier tag" },
  { rule: "LOG-002", what: "never expires", mutate: (b) => delete inputs(b, "observability-debug").retentionInDays, says: "its events never expire" },
  { rule: "LOG-002", what: "retention 0", mutate: (b) => (inputs(b, "observability-debug").retentionInDays = 0), says: "retentionInDays 0" },
  { rule: "LOG-002", what: "invalid retention", mutate: (b) => (inputs(b, "observability-debug").retentionInDays = 10), says: "retentionInDays 10 is not a value CloudWatch accepts" },
  { rule: "LOG-003", what: "application logs kept 30 days", mutate: (b) => (inputs(b, "observability-application").retentionInDays = 30), says: "its application tier requires 90" },
  { rule: "LOG-004", what: "control-plane log group missing", mutate: (b) => { b.get("cluster-eks").dependsOn = []; b.remove("cluster-control-plane-logs"); }, says: "no log group /aws/eks/shop-prod/cluster is declared" },
  { rule: "LOG-004", what: "cluster does not depend on it", mutate: (b) => (b.get("cluster-eks").dependsOn = []), says: "does not depend on log group" },
  { rule: "LOG-004", what: "control-plane log group not security tier", mutate: (b) => (inputs(b, "cluster-control-plane-logs").tags["stackplan:tier"] = "application"), says: "it must be security" },
  { rule: "LOG-005", what: "flow logs to an application group", mutate: (b) => (b.get("network-flow-log").from!["logDestination"] = ["observability-application"]), says: "flow logs belong in the security tier" },
  {
    rule: "LOG-005",
    what: "flow logs to an application group named by a known ARN",
    mutate: (b) => {
      delete b.get("network-flow-log").from!["logDestination"];
      inputs(b, "network-flow-log").logDestination = `arn:aws:logs:us-east-1:333333333333:log-group:${inputs(b, "observability-application").name}:*`;
    },
    says: "flow logs belong in the security tier",
  },
  { rule: "SEC-001", what: "SSH from the internet inline", mutate: (b) => inputs(b, "network-endpoints-sg").ingress.push({ protocol: "tcp", fromPort: 0, toPort: 1024, cidrBlocks: ["0.0.0.0/0"] }), says: "allows SSH (port 22) from 0.0.0.0/0" },
  { rule: "SEC-001", what: "RDP from ::/0 as an ingress rule", mutate: (b) => Object.assign(inputs(b, "network-alb-https"), { fromPort: 3389, toPort: 3389, cidrIpv4: undefined, cidrIpv6: "::/0" }), says: "allows RDP (port 3389) from ::/0" },
  { rule: "SEC-001", what: "all protocols from the internet (securityGroupRule)", mutate: (b) => b.add({ type: "aws:ec2/securityGroupRule:SecurityGroupRule", name: "network-open", parent: "network", provider: "aws", inputs: { type: "ingress", protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"], securityGroupId: UNKNOWN } }), says: "allows SSH (port 22)" },
  { rule: "SEC-002", what: "admin inline policy", mutate: (b) => (inputs(b, "workloads-worker-irsa").inlinePolicies[0].policy = JSON.stringify({ Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] })), says: "allows every action (*) on every resource (*)" },
  { rule: "SEC-002", what: "unparsable policy", mutate: (b) => (inputs(b, "workloads-worker-irsa").inlinePolicies[0].policy = "{not json"), says: "the policy document is not JSON" },
  { rule: "SEC-002", what: "unknown policy document", mutate: (b) => b.add({ type: "aws:iam/rolePolicy:RolePolicy", name: "workloads-extra", parent: "workloads", provider: "aws", inputs: { role: UNKNOWN, policy: UNKNOWN } }), says: "the policy document is [unknown]" },
  { rule: "SEC-003", what: "public endpoint without CIDRs in production", mutate: (b) => (inputs(b, "cluster-eks").vpcConfig.endpointPublicAccess = true), says: "EKS opens it to 0.0.0.0/0" },
  { rule: "SEC-003", what: "endpoint access left to the default", mutate: (b) => delete inputs(b, "cluster-eks").vpcConfig.endpointPublicAccess, says: "has a public endpoint" },
  { rule: "SEC-004", what: "no secrets encryption", mutate: (b) => delete inputs(b, "cluster-eks").encryptionConfig, says: "does not encrypt secrets" },
  { rule: "SEC-005", what: "privileged container", mutate: (b) => (container(b, "worker").securityContext = { privileged: true }), says: "container worker is privileged" },
  { rule: "SEC-006", what: "runs as root", mutate: (b) => (pod(b, "worker").securityContext = { runAsUser: 0 }), says: "runs as root (runAsUser 0)" },
  { rule: "SEC-006", what: "nothing says non-root", mutate: (b) => delete pod(b, "worker").securityContext, says: "may run as root" },
];
