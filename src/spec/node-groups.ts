import { z } from "zod";
import { azId } from "./common";

export const taintSpec = z.strictObject({
  key: z.string().min(1),
  value: z.string().optional(),
  effect: z.enum(["NO_SCHEDULE", "NO_EXECUTE", "PREFER_NO_SCHEDULE"]),
});

export const nodeGroupSpec = z
  .strictObject({
    /** EC2 instance types, most preferred first (SPOT groups should list several). */
    instanceTypes: z.array(z.string().regex(/^[a-z][a-z0-9-]*\.[a-z0-9]+$/, "expected an EC2 instance type such as m6i.large")).min(1),
    /** @default "ON_DEMAND" */
    capacityType: z.enum(["ON_DEMAND", "SPOT"]).default("ON_DEMAND"),
    minSize: z.number().int().min(0),
    maxSize: z.number().int().min(1),
    desiredSize: z.number().int().min(0),
    /** Root volume size. @default 50 */
    diskSizeGiB: z.number().int().min(20).max(16384).default(50),
    /** Kubernetes labels on the nodes. @default {} */
    labels: z.record(z.string(), z.string()).default({}),
    /** @default [] */
    taints: z.array(taintSpec).default([]),
    /** Override the max pods per node; required for instance types stackplan does not know. */
    maxPods: z.number().int().min(1).max(737).optional(),
    /** Restrict the group to some of the network's AZ IDs. @default all of them */
    azIds: z.array(azId).min(1).optional(),
  })
  .refine((g) => g.minSize <= g.desiredSize && g.desiredSize <= g.maxSize, {
    message: "expected minSize ≤ desiredSize ≤ maxSize",
    path: ["desiredSize"],
  });

export type NodeGroupSpec = z.output<typeof nodeGroupSpec>;
