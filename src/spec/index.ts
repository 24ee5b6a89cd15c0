export * from "./common";
export * from "./cluster";
export * from "./network";
export * from "./node-groups";
export * from "./observability";
export * from "./policy";
export * from "./schema";
export * from "./services";
