/**
 * The report's view model: plain data the markup is printed from, built by pure functions from
 * plans, their diff, the policy findings and the cost (build.ts). Everything a reader sees is
 * decided here, so it is tested without a browser; the markup only lays it out.
 */

/** What a change does to an element of the map (absent: unchanged, or no comparison). */
export type Mark = "create" | "update" | "replace" | "delete";

/** Order of importance: a replacement is the first thing a reviewer must see. */
export const MARKS: readonly Mark[] = ["replace", "delete", "create", "update"];

/** The text that carries a mark wherever colour does (colour is never the only signal). */
export const MARK_TEXT: Readonly<Record<Mark, { readonly symbol: string; readonly word: string }>> = {
  replace: { symbol: "+-", word: "replaced" },
  delete: { symbol: "-", word: "deleted" },
  create: { symbol: "+", word: "created" },
  update: { symbol: "~", word: "updated" },
};

/** An element of the map: what it stands for in the plan, what the change does to it. */
export interface MapElement {
  /** Unique within the env; stable between the two sides of a change (kind + logical name). */
  readonly id: string;
  /** What it is, for titles and the findings list: `NAT gateway shop-nat-use1-az1`. */
  readonly label: string;
  readonly mark?: Mark;
  /** The plan resources the element stands for (findings and marks are read from them). */
  readonly urns: readonly string[];
  /** Policy findings on those resources (violations and expired waivers). */
  readonly findings: number;
}

export type SubnetTier = "public" | "private" | "data" | "other";

export interface SubnetView extends MapElement {
  readonly name: string;
  readonly tier: SubnetTier;
  readonly cidr: string;
  /** Where its default route (0.0.0.0/0) goes: `NAT gateway shop-nat-use1-az1`, `internet gateway`, or none. */
  readonly defaultRoute?: string;
  readonly nats: readonly NatView[];
}

export interface NatView extends MapElement {
  readonly name: string;
  readonly connectivity: string;
  /** AZ IDs whose subnets send their default route to it. */
  readonly serves: readonly string[];
}

export interface AzView extends MapElement {
  readonly azId: string;
  /** In tier order: public, private, data, other. */
  readonly subnets: readonly SubnetView[];
}

export interface EndpointView extends MapElement {
  readonly name: string;
  /** The AWS service, short: `s3`, `ecr.api`. */
  readonly service: string;
  readonly kind: "Gateway" | "Interface";
  /** Interface: AZ IDs of its ENIs. Gateway: empty. */
  readonly azIds: readonly string[];
  /** Gateway: tiers of the subnets whose route tables carry it. Interface: tiers of its subnets. */
  readonly tiers: readonly SubnetTier[];
}

export interface ClusterView extends MapElement {
  readonly name: string;
  readonly version: string;
  /** `private`, `public`, `public and private`. */
  readonly endpoint: string;
  /** AZ IDs of the subnets its control-plane ENIs are placed in. */
  readonly azIds: readonly string[];
}

export interface WorkloadView extends MapElement {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  /** `3`, `3–20 (HPA)`, `1 per node`. */
  readonly replicas: string;
  /** none, cluster, internal, public. */
  readonly exposure: string;
  /** How it is reached: `ALB shop-public: prod.shop.example.com/`. */
  readonly exposureDetail?: string;
  /** The other node groups its pods may also land on. */
  readonly alsoOn: readonly string[];
}

export interface NodeGroupView extends MapElement {
  readonly name: string;
  readonly instanceTypes: readonly string[];
  readonly capacityType: string;
  readonly min?: number;
  readonly desired?: number;
  readonly max?: number;
  /** Undefined when the plan does not say (shown as `?`). */
  readonly maxPods?: number;
  readonly azIds: readonly string[];
  /** `workload=batch:NoSchedule`. */
  readonly taints: readonly string[];
  readonly workloads: readonly WorkloadView[];
}

export interface LoadBalancerRoute {
  /** `prod.shop.example.com/` or `port 443/TCP`. */
  readonly from: string;
  /** `shop/web`. */
  readonly to: string;
}

export interface LoadBalancerView extends MapElement {
  readonly name: string;
  /** ALB, NLB, CLB. */
  readonly kind: string;
  readonly scheme: "internet-facing" | "internal";
  /** Who creates it: `AWS Load Balancer Controller (Ingress)`, `in-tree service controller`, `Pulumi`. */
  readonly origin: string;
  readonly routes: readonly LoadBalancerRoute[];
}

export interface MapView {
  readonly vpc?: MapElement & { readonly name: string; readonly cidr: string };
  readonly internetGateway?: MapElement & { readonly name: string };
  /** Sorted by AZ ID. */
  readonly azs: readonly AzView[];
  readonly endpoints: readonly EndpointView[];
  readonly cluster?: ClusterView;
  readonly nodeGroups: readonly NodeGroupView[];
  /** Workloads no node group accepts (or no node group at all). */
  readonly unplaced: readonly WorkloadView[];
  readonly loadBalancers: readonly LoadBalancerView[];
}

export interface PropertyChangeView {
  readonly path: string;
  readonly kind: "add" | "delete" | "update";
  readonly old?: string;
  readonly new?: string;
  readonly replaces: boolean;
  /** Notes the diff attaches to the change (why an unknown counts as changed, and the like). */
  readonly notes: readonly string[];
}

export interface ChangeResourceView {
  /** Anchor id, unique in the page. */
  readonly id: string;
  readonly op: Mark;
  readonly type: string;
  readonly name: string;
  readonly urn: string;
  /** Top-level properties that force the replacement. */
  readonly replaceReasons: readonly string[];
  readonly changes: readonly PropertyChangeView[];
  /** Map element id the resource is drawn as (a link from the change to the map). */
  readonly mapId?: string;
  readonly findings: number;
}

export interface ChangeGroupView {
  readonly id: string;
  /** The top-level component (or the stack for resources outside components). */
  readonly name: string;
  readonly type: string;
  /** Replacements first, then deletes, creates and updates. */
  readonly resources: readonly ChangeResourceView[];
}

export interface ChangeView {
  readonly from: string;
  readonly to: string;
  readonly counts: Readonly<Record<Mark | "same", number>>;
  /** Groups holding a replacement first. */
  readonly groups: readonly ChangeGroupView[];
  /** The resource types that changed, sorted (the type filter's options). */
  readonly types: readonly string[];
}

export interface FindingView {
  readonly rule: string;
  readonly severity?: string;
  readonly level: "advisory" | "mandatory";
  readonly kind: string;
  readonly resource: string;
  readonly message: string;
  readonly path?: string;
}

/** The findings of one map element (or of the resources drawn nowhere). */
export interface FindingGroupView {
  /** Anchor id the map's badge links to. */
  readonly id: string;
  /** The map element's id, when the resources are drawn. */
  readonly mapId?: string;
  readonly title: string;
  readonly findings: readonly FindingView[];
}

export interface CostBar {
  readonly label: string;
  /** USD per month. */
  readonly monthly: number;
}

export interface CostView {
  readonly currency: string;
  readonly total: number;
  /** What the total is made of (non-zero items). */
  readonly items: readonly CostBar[];
  /** With a comparison: the total before and after, and the change per item. */
  readonly change?: { readonly before: number; readonly after: number; readonly items: readonly CostBar[] };
  /** What the figure covers and assumes. */
  readonly notes: readonly string[];
}

export interface PolicySummaryView {
  readonly mandatory: number;
  readonly advisory: number;
  readonly waived: number;
  readonly passed: boolean;
}

export interface EnvView {
  readonly name: string;
  readonly region: string;
  readonly account: string;
  readonly envClass: string;
  readonly resources: number;
  readonly map: MapView;
  readonly change?: ChangeView;
  readonly policy: PolicySummaryView;
  readonly findingGroups: readonly FindingGroupView[];
  readonly cost: CostView;
}

export interface ReportModel {
  readonly project: string;
  /** What the envs are compared with, as the user named it. */
  readonly against?: string;
  readonly version: string;
  readonly envs: readonly EnvView[];
}
