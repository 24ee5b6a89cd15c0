export * from "./aws-names";
export * from "./child";
export * from "./iam";
export * from "./problems";
export * from "./tags";
export * from "./tiers";
export * from "./resources";
