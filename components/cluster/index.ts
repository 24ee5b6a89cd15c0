export * from "./cluster";
export * from "./cluster-plan";
export * from "./instance-types";
export * from "./kubeconfig";
export * from "./max-pods";
export * from "./node-group";
export * from "./node-group-plan";
export * from "./user-data";
