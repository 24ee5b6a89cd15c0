export * from "./observability";
export * from "./plan";
