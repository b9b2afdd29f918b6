/** Fires `type` on `el`, with `detail`, bubbling out of shadow roots (the widgets' events: `epn-load`, `epn-export`…). */
export function emit(el: HTMLElement, type: string, detail: unknown): void {
  el.dispatchEvent(new CustomEvent(type, {detail, bubbles: true, composed: true}));
}
