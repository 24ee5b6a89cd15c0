/**
 * The service's container: image, ports, env, probes, resources and a locked-down security
 * context (kube-score, Polaris and kube-linter pass by construction).
 */
import type { ProbeSpec, ResolvedService } from "../../src/spec/index";
import { compareStrings } from "../../src/util/stable-json";
import { imageReference } from "./image";

/** Name of the per-service Secret holding `pulumiSecret` env values. */
export function pulumiSecretName(service: string): string {
  return `${service}-pulumi-secrets`;
}

/** With a read-only root file system, /tmp is an emptyDir: most runtimes need a scratch dir. */
export const TMP_VOLUME = "tmp";

/**
 * Env vars sorted by name: the spec is a map, so its order carries no meaning; `$(VAR)`
 * references resolve against the variables sorted before them.
 */
export function envVars(service: string, env: ResolvedService["env"]): Record<string, unknown>[] {
  return Object.keys(env)
    .sort(compareStrings)
    .map((name) => {
      const v = env[name]!;
      if (typeof v === "string") return { name, value: v };
      if ("secretKeyRef" in v) return { name, valueFrom: { secretKeyRef: { name: v.secretKeyRef.name, key: v.secretKeyRef.key } } };
      if ("configMapKeyRef" in v) return { name, valueFrom: { configMapKeyRef: { name: v.configMapKeyRef.name, key: v.configMapKeyRef.key } } };
      return { name, valueFrom: { secretKeyRef: { name: pulumiSecretName(service), key: name } } };
    });
}

export function probe(p: ProbeSpec): Record<string, unknown> {
  const handler = p.httpGet
    ? { httpGet: { path: p.httpGet.path, port: p.httpGet.port } }
    : p.tcpSocket
      ? { tcpSocket: { port: p.tcpSocket.port } }
      : p.exec
        ? { exec: { command: [...p.exec.command] } }
        : { grpc: { port: p.grpc!.port } };
  const timings: Record<string, number> = {};
  for (const key of ["initialDelaySeconds", "periodSeconds", "timeoutSeconds", "failureThreshold", "successThreshold"] as const) {
    if (p[key] !== undefined) timings[key] = p[key];
  }
  return { ...handler, ...timings };
}

export function containerSecurityContext(sc: ResolvedService["securityContext"]): Record<string, unknown> {
  return {
    // The API server rejects allowPrivilegeEscalation: false together with privileged: true.
    allowPrivilegeEscalation: sc.privileged,
    capabilities: { drop: ["ALL"] },
    privileged: sc.privileged,
    readOnlyRootFilesystem: sc.readOnlyRootFilesystem,
    runAsGroup: sc.runAsGroup ?? sc.runAsUser,
    runAsNonRoot: sc.runAsNonRoot,
    runAsUser: sc.runAsUser,
    seccompProfile: { type: "RuntimeDefault" },
  };
}

export function container(name: string, svc: ResolvedService): Record<string, unknown> {
  const { probes, resources } = svc;
  const env = envVars(name, svc.env);
  return {
    name,
    image: imageReference(svc.image),
    // Tags and digests are pinned; Always only costs a manifest check and keeps a re-pushed tag honest.
    imagePullPolicy: "Always",
    ...(svc.command ? { command: [...svc.command] } : {}),
    ...(svc.args ? { args: [...svc.args] } : {}),
    ...(svc.ports.length ? { ports: svc.ports.map((p) => ({ name: p.name, containerPort: p.containerPort, protocol: p.protocol })) } : {}),
    ...(env.length ? { env } : {}),
    resources: {
      requests: { cpu: resources.requests.cpu, "ephemeral-storage": resources.requests.ephemeralStorage, memory: resources.requests.memory },
      limits: {
        ...(resources.limits.cpu !== undefined ? { cpu: resources.limits.cpu } : {}),
        "ephemeral-storage": resources.limits.ephemeralStorage,
        memory: resources.limits.memory,
      },
    },
    ...(probes.readiness ? { readinessProbe: probe(probes.readiness) } : {}),
    ...(probes.liveness ? { livenessProbe: probe(probes.liveness) } : {}),
    ...(probes.startup ? { startupProbe: probe(probes.startup) } : {}),
    securityContext: containerSecurityContext(svc.securityContext),
    ...(svc.securityContext.readOnlyRootFilesystem ? { volumeMounts: [{ name: TMP_VOLUME, mountPath: "/tmp" }] } : {}),
  };
}
