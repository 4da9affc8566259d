/**
 * LZ-String `decompressFromBase64`, the codec of the Obsidian Excalidraw
 * plugin's `compressed-json` fence. Returns null when the input is not a
 * valid stream. Pure, bounded by the input length.
 */
const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=";
const BASE64_VALUES: ReadonlyMap<string, number> = new Map([...BASE64].map((c, i) => [c, i]));

interface BitReader {
  readonly read: (bits: number) => number;
  readonly exhausted: () => boolean;
}

export function decompressFromBase64(input: string): string | null {
  if (input === "") return "";
  const value = (i: number): number => BASE64_VALUES.get(input.charAt(i)) ?? 0;
  return lzDecompress(bitReader(input.length, 32, value));
}

function bitReader(length: number, resetValue: number, next: (i: number) => number): BitReader {
  let val = next(0);
  let position = resetValue;
  let index = 1;
  const read = (bits: number): number => {
    let result = 0;
    for (let power = 1, n = 0; n < bits; n++, power *= 2) {
      const bit = val & position;
      position >>= 1;
      if (position === 0) {
        position = resetValue;
        val = next(index++);
      }
      if (bit > 0) result += power;
    }
    return result;
  };
  return { read, exhausted: () => index > length };
}

function lzDecompress(reader: BitReader): string | null {
  const dictionary: string[] = ["0", "1", "2"];
  let enlargeIn = 4;
  let numBits = 3;
  const first = reader.read(2);
  if (first === 2) return "";
  if (first !== 0 && first !== 1) return null;
  let w = String.fromCharCode(reader.read(first === 0 ? 8 : 16));
  dictionary.push(w);
  const result: string[] = [w];
  for (;;) {
    if (reader.exhausted()) return "";
    let code = reader.read(numBits);
    if (code === 2) return result.join("");
    if (code === 0 || code === 1) {
      dictionary.push(String.fromCharCode(reader.read(code === 0 ? 8 : 16)));
      code = dictionary.length - 1;
      if (--enlargeIn === 0) enlargeIn = 2 ** numBits++;
    }
    let entry: string;
    if (code < dictionary.length) entry = dictionary[code];
    else if (code === dictionary.length) entry = w + w.charAt(0);
    else return null;
    result.push(entry);
    dictionary.push(w + entry.charAt(0));
    w = entry;
    if (--enlargeIn === 0) enlargeIn = 2 ** numBits++;
  }
}
