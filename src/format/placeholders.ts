/**
 * Front matter and attribute strings of the MDX cannot hold expressions, so a number they quote
 * is written as `{name}` and filled from generated data here. An unknown name throws, naming the
 * text, so a typo never reaches a page as literal braces.
 */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{(\w+)\}/g, (_m, name: string) => {
    if (!Object.hasOwn(values, name)) throw new Error(`unknown placeholder {${name}} in "${text}"`);
    return String(values[name]);
  });
}
