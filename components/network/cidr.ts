/** IPv4 CIDR arithmetic on unsigned 32-bit numbers: just what the subnet allocator needs. */

export interface Cidr {
  /** Network address as an unsigned 32-bit integer (host bits zero). */
  readonly base: number;
  readonly prefix: number;
}

export function parseCidr(text: string): Cidr {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text);
  if (!m) throw new Error(`not an IPv4 CIDR block: ${JSON.stringify(text)}`);
  const octets = m.slice(1, 5).map(Number);
  const prefix = Number(m[5]);
  if (octets.some((o) => o > 255) || prefix > 32) throw new Error(`not an IPv4 CIDR block: ${JSON.stringify(text)}`);
  const addr = octets.reduce((acc, o) => acc * 256 + o, 0);
  return { base: addr - (addr % blockSize(prefix)), prefix };
}

/** True when the address part has no bits set past the prefix (`10.0.0.0/16`, not `10.0.1.0/16`). */
export function isNetworkAddress(text: string): boolean {
  const c = parseCidr(text);
  return formatCidr(c) === text;
}

export function formatCidr(c: Cidr): string {
  const o = [24, 16, 8, 0].map((shift) => Math.floor(c.base / 2 ** shift) % 256);
  return `${o.join(".")}/${c.prefix}`;
}

/** Addresses in a block of the prefix length. */
export function blockSize(prefix: number): number {
  return 2 ** (32 - prefix);
}

export function cidrEnd(c: Cidr): number {
  return c.base + blockSize(c.prefix);
}

export function contains(outer: Cidr, inner: Cidr): boolean {
  return inner.prefix >= outer.prefix && inner.base >= outer.base && cidrEnd(inner) <= cidrEnd(outer);
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  return a.base < cidrEnd(b) && b.base < cidrEnd(a);
}

/** Round `n` up to a multiple of `size`. */
export function alignUp(n: number, size: number): number {
  return Math.ceil(n / size) * size;
}
