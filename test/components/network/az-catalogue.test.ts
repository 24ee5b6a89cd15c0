import { describe, expect, it } from "vitest";
import { AZ_CATALOGUE, eksAcceptedAzIds, resolveAzIds } from "../../../components/network/az-catalogue";
import { inputErrorOf } from "../../helpers";

const problemsOf = (fn: () => unknown) => inputErrorOf(fn).problems;

describe("AZ catalogue", () => {
  it.each([
    ["us-east-1", ["use1-az1", "use1-az2", "use1-az4", "use1-az5", "use1-az6"]],
    ["us-west-1", ["usw1-az1", "usw1-az3"]],
    ["ca-central-1", ["cac1-az1", "cac1-az2", "cac1-az4"]],
    ["us-west-2", ["usw2-az1", "usw2-az2", "usw2-az3", "usw2-az4"]],
    ["eu-central-1", ["euc1-az1", "euc1-az2", "euc1-az3"]],
    ["ap-southeast-1", ["apse1-az1", "apse1-az2", "apse1-az3"]],
  ])("%s: EKS accepts %j", (region, ids) => {
    expect(eksAcceptedAzIds(region)).toEqual(ids);
  });

  it("covers the required regions, every AZ ID named after its region", () => {
    for (const r of ["us-east-1", "us-east-2", "us-west-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-1", "ca-central-1", "ap-northeast-1"]) {
      expect(AZ_CATALOGUE[r], r).toBeDefined();
    }
    for (const [region, zones] of Object.entries(AZ_CATALOGUE)) {
      const prefix = zones.azIds[0]!.split("-")[0]!;
      expect(zones.azIds.every((id) => id.startsWith(`${prefix}-az`)), region).toBe(true);
      expect(zones.eksRefused.every((id) => zones.azIds.includes(id)), region).toBe(true);
    }
  });

  it("azCount takes the first N accepted AZ IDs, so a larger count only appends", () => {
    expect(resolveAzIds("us-east-1", { azCount: 2 })).toEqual(["use1-az1", "use1-az2"]);
    expect(resolveAzIds("us-east-1", { azCount: 3 })).toEqual(["use1-az1", "use1-az2", "use1-az4"]);
  });

  it("keeps explicit AZ IDs in the order given (the slot order)", () => {
    expect(resolveAzIds("us-east-1", { azIds: ["use1-az4", "use1-az1"], azCount: 3 })).toEqual(["use1-az4", "use1-az1"]);
  });

  it("refuses an AZ ID EKS does not support, naming the value path, the region and the accepted IDs", () => {
    expect(problemsOf(() => resolveAzIds("us-east-1", { azIds: ["use1-az1", "use1-az3"], azCount: 3 }))).toEqual([
      {
        path: "network.azIds[1]",
        message:
          'AZ ID "use1-az3" is not supported by EKS for cluster subnets in us-east-1; accepted AZ IDs in us-east-1: use1-az1, use1-az2, use1-az4, use1-az5, use1-az6',
      },
    ]);
  });

  it("refuses unknown, foreign and repeated AZ IDs together", () => {
    const problems = problemsOf(() => resolveAzIds("us-west-2", { azIds: ["usw2-az1", "use1-az1", "usw2-az9", "usw2-az1"], azCount: 3 }));
    expect(problems.map((p) => `${p.path}: ${p.message.split(";")[0]}`)).toEqual([
      'network.azIds[1]: unknown AZ ID "use1-az1" for region us-west-2',
      'network.azIds[2]: unknown AZ ID "usw2-az9" for region us-west-2',
      'network.azIds[3]: AZ ID "usw2-az1" is listed twice',
    ]);
  });

  it("refuses fewer than two AZs and more than the region offers", () => {
    expect(problemsOf(() => resolveAzIds("us-east-1", { azCount: 1 }))[0]!.message).toBe("EKS needs subnets in at least 2 AZs, got 1");
    expect(problemsOf(() => resolveAzIds("us-west-1", { azCount: 3 }))[0]).toEqual({
      path: "network.azCount",
      message: "us-west-1 has 2 AZs EKS accepts (usw1-az1 and usw1-az3), 3 asked",
    });
  });

  it("refuses a region the catalogue does not know instead of guessing", () => {
    expect(problemsOf(() => resolveAzIds("sa-east-1", { azCount: 3 }))[0]!.message).toMatch(/^region "sa-east-1" is not in the AZ catalogue/);
  });

  it("locates problems through the caller's locator", () => {
    const problems = problemsOf(() => resolveAzIds("us-east-1", { azIds: ["use1-az3", "use1-az1"], azCount: 3 }, (path) => ({ file: "overlays/prod/values.yaml", line: path.length })));
    expect(problems[0]).toMatchObject({ file: "overlays/prod/values.yaml", line: 3, path: "network.azIds[0]" });
  });
});
