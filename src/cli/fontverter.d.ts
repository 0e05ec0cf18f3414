// Types for the `fontverter` package (it ships none): the one call src/cli/font-fallback.ts makes.
declare module 'fontverter' {
  const fontverter: {
    convert(font: Uint8Array, to: 'truetype' | 'sfnt' | 'woff' | 'woff2', from?: string): Promise<Buffer>;
  };
  export default fontverter;
}
