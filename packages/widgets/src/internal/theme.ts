/** What the page says about its colours, read from `<html>` (see {@link darkTheme}). */
export interface PageScheme {
  /** The DSFR's resolved theme, `data-fr-theme` (`light` or `dark`). */
  frTheme?: string | null;
  /** The DSFR's choice, `data-fr-scheme` (`light`, `dark` or `system`). */
  frScheme?: string | null;
  /** The root's `color-scheme` (computed style, else `<meta name="color-scheme">`): `dark`, `light dark`, `normal`… */
  colorScheme?: string | null;
}

/**
 * Whether a widget is drawn dark. Light by default; dark when the element says so (`theme="dark"`, or `theme="auto"`
 * with the OS in dark mode), else when the page does: the DSFR's `data-fr-theme` / `data-fr-scheme` (`system`
 * follows the OS), or the root's `color-scheme` (`dark` alone; `light dark` follows the OS, as the browser does).
 * An OS in dark mode alone never darkens a widget on a page that says nothing.
 */
export function darkTheme(theme: string | null | undefined, page: PageScheme, osDark: boolean): boolean {
  const pick = (v: string | null | undefined): boolean | null =>
    v === 'dark' ? true : v === 'light' ? false : v === 'auto' || v === 'system' ? osDark : null;
  const words = (page.colorScheme ?? '').split(/\s+/);
  const root = words.includes('dark') && (!words.includes('light') || osDark);
  return pick(theme) ?? pick(page.frTheme) ?? pick(page.frScheme) ?? root;
}
