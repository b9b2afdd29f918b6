import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {darkTheme} from './theme.js';

/** What a theme controller needs from its host: its `theme` attribute. */
export interface ThemeHost extends ReactiveControllerHost, HTMLElement {
  theme: string | null;
}

/**
 * Draws the host dark or light (`data-epn-theme` on the element, which the styles read): its `theme`, else what the
 * page says (DSFR's `data-fr-theme`/`data-fr-scheme`, the root's `color-scheme`, see {@link darkTheme}); followed as
 * they change while the host is connected, and again before an update that changed `theme`.
 */
export class ThemeController implements ReactiveController {
  /** The `theme` last applied. */
  private theme?: string | null;

  constructor(private readonly host: ThemeHost) {
    host.addController(this);
  }

  private readonly apply = (): void => {
    const root = document.documentElement;
    const meta = document.querySelector<HTMLMetaElement>('meta[name="color-scheme"]')?.content;
    const computed = getComputedStyle(root).colorScheme;
    const dark = darkTheme(
      (this.theme = this.host.theme),
      {
        frTheme: root.getAttribute('data-fr-theme'),
        frScheme: root.getAttribute('data-fr-scheme'),
        colorScheme: computed && computed !== 'normal' ? computed : meta,
      },
      this.os.matches,
    );
    this.host.setAttribute('data-epn-theme', dark ? 'dark' : 'light');
  };

  private readonly os = matchMedia('(prefers-color-scheme: dark)');
  private readonly observer = new MutationObserver(this.apply);

  hostConnected(): void {
    this.apply();
    this.observer.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['data-fr-theme', 'data-fr-scheme', 'style', 'class'],
    });
    this.os.addEventListener('change', this.apply);
  }

  /** The host's `theme` changed: drawn again. */
  hostUpdate(): void {
    if (this.host.theme !== this.theme) this.apply();
  }

  hostDisconnected(): void {
    this.observer.disconnect();
    this.os.removeEventListener('change', this.apply);
  }
}
