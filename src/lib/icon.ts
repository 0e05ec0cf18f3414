/** The site icon (a Kaplan–Meier step) as SVG, for rasterising to .ico and the touch icon. */
export function iconSvg(): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#ffffff"/><path d="M5 7h6v6h5v5h6v5h5" fill="none" stroke="#0a58a8" stroke-width="3" stroke-linejoin="round"/></svg>`;
}
