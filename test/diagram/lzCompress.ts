/**
 * LZ-String `compressToBase64` (test helper): the encoder of the
 * Obsidian Excalidraw plugin's `compressed-json` fence, to build fixtures
 * and check the importer's decoder against it.
 */
const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=";

class BitWriter {
  private value = 0;
  private position = 0;
  readonly out: string[] = [];

  write(bits: number, count: number): void {
    for (let i = 0; i < count; i++) {
      this.value = (this.value << 1) | (bits & 1);
      bits >>= 1;
      if (++this.position === 6) this.flush();
    }
  }

  private flush(): void {
    this.out.push(BASE64.charAt(this.value));
    this.position = 0;
    this.value = 0;
  }

  finish(): void {
    do this.write(0, 1);
    while (this.position !== 0);
  }
}

export function compressToBase64(input: string): string {
  if (input === "") return "";
  const dict = new Map<string, number>();
  const fresh = new Set<string>();
  const w = new BitWriter();
  let current = "";
  let enlargeIn = 2;
  let dictSize = 3;
  let numBits = 2;
  const shrink = () => {
    if (--enlargeIn === 0) enlargeIn = 2 ** numBits++;
  };
  const emit = (word: string) => {
    if (fresh.has(word)) {
      const code = word.charCodeAt(0);
      const wide = code >= 256;
      w.write(wide ? 1 : 0, numBits);
      w.write(code, wide ? 16 : 8);
      shrink();
      fresh.delete(word);
    } else {
      w.write(dict.get(word) ?? 0, numBits);
    }
    shrink();
  };
  for (let i = 0; i < input.length; i++) {
    const ch = input.charAt(i);
    if (!dict.has(ch)) {
      dict.set(ch, dictSize++);
      fresh.add(ch);
    }
    const joined = current + ch;
    if (dict.has(joined)) current = joined;
    else {
      emit(current);
      dict.set(joined, dictSize++);
      current = ch;
    }
  }
  if (current !== "") emit(current);
  w.write(2, numBits);
  w.finish();
  const text = w.out.join("");
  return text + "=".repeat((4 - (text.length % 4)) % 4);
}
