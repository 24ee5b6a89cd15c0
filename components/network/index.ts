export * from "./az-catalogue";
export * from "./cidr";
export * from "./network";
export * from "./plan";
export * from "./subnets";
