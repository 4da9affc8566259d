/**
 * Finds the offset of the first JSON syntax error, because JSON.parse's
 * messages do not always carry a position. Iterative (no recursion), so
 * deep nesting cannot overflow the stack. Returns -1 for valid JSON.
 */
type Expect = "value" | "valueOrEnd" | "key" | "keyOrEnd" | "colon" | "commaOrEnd" | "done";

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /["\\/bfnrt]|u[0-9a-fA-F]{4}/y;

/** End offset of the string starting at `start` (a quote), or -(error offset) - 1. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 34) return i + 1;
    if (code < 32) return -i - 1;
    if (code === 92) {
      ESCAPE.lastIndex = i + 1;
      const m = ESCAPE.exec(text);
      if (!m) return -(i + 1) - 1;
      i += m[0].length;
    }
  }
  return -text.length - 1;
}

/** End offset of the scalar (string, number, literal) at `i`, or -(error offset) - 1. */
function scalarEnd(text: string, i: number): number {
  if (text[i] === '"') return stringEnd(text, i);
  for (const literal of ["true", "false", "null"]) if (text.startsWith(literal, i)) return i + literal.length;
  NUMBER.lastIndex = i;
  const m = NUMBER.exec(text);
  return m && m[0].length > 0 ? i + m[0].length : -i - 1;
}

export function jsonErrorOffset(text: string): number {
  const stack: string[] = [];
  let expect: Expect = "value";
  let i = 0;
  const after = (): Expect => (stack.length === 0 ? "done" : "commaOrEnd");
  for (;;) {
    while (i < text.length && " \t\n\r".includes(text[i])) i++;
    if (i >= text.length) return expect === "done" ? -1 : i;
    const c = text[i];
    if (expect === "done") return i;
    if (expect === "colon") {
      if (c !== ":") return i;
      i++;
      expect = "value";
    } else if (expect === "commaOrEnd") {
      const close = stack[stack.length - 1] === "{" ? "}" : "]";
      if (c === ",") expect = close === "}" ? "key" : "value";
      else if (c === close) stack.pop();
      else return i;
      i++;
      if (c !== ",") expect = after();
    } else if ((expect === "keyOrEnd" && c === "}") || (expect === "valueOrEnd" && c === "]")) {
      stack.pop();
      i++;
      expect = after();
    } else if (expect === "key" || expect === "keyOrEnd") {
      if (c !== '"') return i;
      const end = stringEnd(text, i);
      if (end < 0) return -end - 1;
      i = end;
      expect = "colon";
    } else if (c === "{" || c === "[") {
      stack.push(c);
      i++;
      expect = c === "{" ? "keyOrEnd" : "valueOrEnd";
    } else {
      const end = scalarEnd(text, i);
      if (end < 0) return -end - 1;
      i = end;
      expect = after();
    }
  }
}
