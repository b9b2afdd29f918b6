import type {ReactiveController, ReactiveControllerHost} from 'lit';

/** Tracks the host's content width with a ResizeObserver and asks for an update when it changes. */
export class WidthController implements ReactiveController {
  /** Content width in CSS pixels (a default until the first measure). */
  width: number;
  private observer: ResizeObserver | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    initial = 640,
  ) {
    this.width = initial;
    host.addController(this);
  }

  hostConnected(): void {
    if (typeof ResizeObserver === 'undefined') return;
    this.observer = new ResizeObserver((entries) => {
      const w = Math.round(entries[entries.length - 1]!.contentRect.width);
      if (w > 0 && w !== this.width) {
        this.width = w;
        // Re-render in a later task: rendering changes the host's height, and doing it inside the observer's
        // callback would trigger "ResizeObserver loop completed with undelivered notifications". (Not
        // requestAnimationFrame: it never fires in a hidden tab, and the widget must lay out there too.)
        setTimeout(() => this.host.requestUpdate(), 0);
      }
    });
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = null;
  }
}
