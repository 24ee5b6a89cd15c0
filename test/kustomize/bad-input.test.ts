/** Bad input: one clear InputError naming the file, the path in it and what was expected. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildKustomization } from "../../src/kustomize/index";
import { InputError } from "../../src/util/errors";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "stackplan-kbad-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const CM = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n";

function write(files: Record<string, string>): void {
  for (const [p, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, p)), { recursive: true });
    fs.writeFileSync(path.join(root, p), text);
  }
}

function message(dir: string): string {
  try {
    buildKustomization(path.join(root, dir), { displayPath: (abs) => path.relative(root, abs) || "." });
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as InputError).message;
  }
  throw new Error("expected an InputError");
}

describe("kustomize bad input", () => {
  it.each([
    [
      "a patch whose target matches nothing (kustomize's wording)",
      { "nomatch/cm.yaml": CM, "nomatch/kustomization.yaml": "resources:\n- cm.yaml\npatches:\n- patch: |-\n    apiVersion: v1\n    kind: ConfigMap\n    metadata:\n      name: b\n" },
      "nomatch",
      'nomatch/kustomization.yaml:4:3: patches[0]: no resource matches strategic merge patch "ConfigMap.v1.[noGrp]/b.[noNs]": no matches for Id ConfigMap.v1.[noGrp]/b.[noNs]; failed to find unique target for patch ConfigMap.v1.[noGrp]/b.[noNs]',
    ],
    [
      "a target selector matching nothing",
      { "targetnone/cm.yaml": CM, "targetnone/kustomization.yaml": "resources:\n- cm.yaml\npatches:\n- target:\n    kind: Deployment\n  patch: |-\n    - op: add\n      path: /x\n      value: 1\n" },
      "targetnone",
      "targetnone/kustomization.yaml:4:3: patches[0].target: unable to find patch target {kind: Deployment} in `resources`: no resource matches the selector",
    ],
    [
      "a malformed patch",
      { "malformed/cm.yaml": CM, "malformed/kustomization.yaml": "resources:\n- cm.yaml\npatches:\n- target:\n    kind: ConfigMap\n  patch: |-\n    - op: frobnicate\n      path: /x\n" },
      "malformed",
      'malformed/kustomization.yaml:4:3: patches[0]: malformed JSON 6902 patch: operation [0] has unknown op "frobnicate"',
    ],
    [
      "an unknown field, with a did-you-mean",
      { "unknown/kustomization.yaml": "resources: []\nnamePrefx: x-\n" },
      "unknown",
      'unknown/kustomization.yaml:2:1: namePrefx: unknown field "namePrefx" (did you mean "namePrefix"?)',
    ],
    [
      "an unsupported field",
      { "helm/kustomization.yaml": "helmCharts:\n- name: x\n" },
      "helm",
      'helm/kustomization.yaml:1:1: helmCharts: field "helmCharts" is not supported by stackplan (render the chart in the spec instead)',
    ],
    [
      "a path escaping the root",
      { "outside.yaml": CM, "escape/kustomization.yaml": "resources:\n- ../outside.yaml\n" },
      "escape",
      "escape/kustomization.yaml:2:3: resources[0]: security; file 'outside.yaml' is not in or below 'escape' (kustomize's load restrictor refuses files outside the kustomization root)",
    ],
    [
      "a generator with duplicate keys",
      { "dupkey/kustomization.yaml": "configMapGenerator:\n- name: s\n  literals:\n  - A=1\n  - A=2\n" },
      "dupkey",
      "dupkey/kustomization.yaml:2:3: configMapGenerator[0]: configmap s illegally repeats the key `A`",
    ],
    [
      "a resource file that is not Kubernetes YAML",
      { "notk8s/x.yaml": "foo: bar\n", "notk8s/kustomization.yaml": "resources:\n- x.yaml\n" },
      "notk8s",
      "notk8s/x.yaml:1: document 1: not a Kubernetes object: missing apiVersion, kind, metadata.name (every resource needs apiVersion, kind and metadata.name)",
    ],
    [
      "a missing file",
      { "missing/kustomization.yaml": "resources:\n- nope.yaml\n" },
      "missing",
      'missing/kustomization.yaml:2:3: resources[0]: "nope.yaml": no such file or directory (missing/nope.yaml)',
    ],
    [
      "an ID collision",
      { "collision/a.yaml": CM, "collision/b.yaml": CM, "collision/kustomization.yaml": "resources:\n- a.yaml\n- b.yaml\n" },
      "collision",
      "collision/kustomization.yaml: may not add resource with an already registered id: ConfigMap.v1.[noGrp]/a.[noNs] (ConfigMap/a from collision/b.yaml collides with the one from collision/a.yaml)",
    ],
    [
      "no kustomization file",
      { "empty/readme.txt": "nothing\n" },
      "empty",
      "empty: unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization' in directory: no 'kustomization.yaml', 'kustomization.yml' or 'Kustomization' in it",
    ],
    [
      "a JSON 6902 patch without target",
      { "nt/cm.yaml": CM, "nt/kustomization.yaml": "resources:\n- cm.yaml\npatches:\n- patch: |-\n    - op: add\n      path: /data\n      value: {}\n" },
      "nt",
      "nt/kustomization.yaml:4:3: patches[0]: must specify a target for a JSON 6902 patch",
    ],
  ])("%s", (_name, files, dir, expected) => {
    write(files);
    expect(message(dir)).toBe(expected);
  });
});
