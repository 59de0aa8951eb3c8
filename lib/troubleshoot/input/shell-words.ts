/**
 * Splits a pasted shell command into words the way a POSIX shell would for the cases people paste: single
 * quotes (literal), double quotes (backslash escapes \" \\ \$ \`), $'…' ANSI-C quotes, backslash escapes and
 * backslash-newline continuations (also `^` / backtick line ends from Windows and PowerShell copies).
 * Throws on an unterminated quote, naming it.
 */
export function shellWords(command: string): string[] {
  const text = command.replace(/[\\^`]\r?\n/g, " ");
  const words: string[] = [];
  let word = "";
  let inWord = false;
  let i = 0;
  const closeQuote = (quote: string, from: number): number => {
    const end = text.indexOf(quote, from);
    if (end === -1) throw new Error(`The command has an unterminated ${quote === "'" ? "single" : "double"} quote`);
    return end;
  };
  while (i < text.length) {
    const char = text[i] ?? "";
    if (/\s/.test(char)) {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
      i += 1;
      continue;
    }
    inWord = true;
    if (char === "'") {
      const end = closeQuote("'", i + 1);
      word += text.slice(i + 1, end);
      i = end + 1;
    } else if (char === "$" && text[i + 1] === "'") {
      const end = closeQuote("'", i + 2);
      word += text
        .slice(i + 2, end)
        .replace(/\\(['"\\nt])/g, (_, c: string) => (c === "n" ? "\n" : c === "t" ? "\t" : c));
      i = end + 1;
    } else if (char === '"') {
      i += 1;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === "\\" && /["\\$`]/.test(text[i + 1] ?? "")) i += 1;
        word += text[i] ?? "";
        i += 1;
      }
      if (i >= text.length) throw new Error("The command has an unterminated double quote");
      i += 1;
    } else if (char === "\\") {
      word += text[i + 1] ?? "";
      i += 2;
    } else {
      word += char;
      i += 1;
    }
  }
  if (inWord) words.push(word);
  return words;
}
