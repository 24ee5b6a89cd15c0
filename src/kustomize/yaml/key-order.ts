/**
 * go-yaml v2's map key order (sorter.go), which kubectl kustomize prints keys in: letters sort
 * after every other character, and runs of digits compare as numbers ("a9" before "a10").
 */
/** go-yaml v2's key order (sorter.go): letters after other characters, digit runs compared as numbers. */
export function sortKeysV2(keys: string[]): string[] {
  if (keys.length < 2) return keys;
  // Objects of one kind have the same keys: sort each set once (a tenth of printing manifests).
  const id = JSON.stringify(keys);
  let sorted = sortedSets.get(id);
  if (!sorted) {
    sorted = keys.slice().sort((a, b) => (a === b ? 0 : keyLess(a, b) ? -1 : keyLess(b, a) ? 1 : 0));
    if (sortedSets.size >= SETS_KEPT) sortedSets.clear();
    sortedSets.set(id, sorted);
  }
  return sorted;
}

const sortedSets = new Map<string, string[]>();
const SETS_KEPT = 10_000;

const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;

export function keyLess(a: string, b: string): boolean {
  const ar = Array.from(a);
  const br = Array.from(b);
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const x = ar[i]!;
    const y = br[i]!;
    if (x === y) continue;
    const al = isLetter(x);
    const bl = isLetter(y);
    if (al && bl) return x.codePointAt(0)! < y.codePointAt(0)!;
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (x === "0" || y === "0") {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]!); j--) {
        if (ar[j] !== "0") {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    let bi = i;
    for (; ai < ar.length && isDigit(ar[ai]!); ai++) an = an * 10 + (ar[ai]!.charCodeAt(0) - 48);
    for (; bi < br.length && isDigit(br[bi]!); bi++) bn = bn * 10 + (br[bi]!.charCodeAt(0) - 48);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return x.codePointAt(0)! < y.codePointAt(0)!;
  }
  return ar.length < br.length;
}

function isLetter(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER.test(ch);
}

function isDigit(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return c >= 48 && c <= 57;
  return DIGIT.test(ch);
}
