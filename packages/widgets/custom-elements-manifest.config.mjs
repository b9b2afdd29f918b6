// custom-elements.json for @epn/widgets: the component reference in docs/ is generated from it.
// Lit's internal reactive state (`state: true` in EpnElement's static properties) is not public API, and the
// event the base class dispatches through a variable shows up as an event named "type": both are removed here;
// the real events are declared with @event in each element's doc block.
const internal = new Set(['status', 'progress', 'model', 'error', 'staleError', 'tableShown', 'loadedAt', 'table', 'sizer', 'loader', 'extraTable', 'extraError', 'extraStale', 'copyStatus', 'menuOpen', 'exportMessage', 'copyText']);

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.layout.ts', 'src/**/*.data.ts', 'src/**/*.strings.ts', 'src/**/*.palette.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      name: 'epn-drop-internal',
      packageLinkPhase({customElementsManifest}) {
        for (const mod of customElementsManifest.modules) {
          for (const d of mod.declarations ?? []) {
            if (d.attributes) d.attributes = d.attributes.filter((a) => !internal.has(a.fieldName ?? a.name));
            for (const a of d.attributes ?? []) {
              if (a.name === 'lang' && !a.description) a.description = "`fr` (default, or the page's language) or `en`.";
            }
            if (d.members) d.members = d.members.filter((m) => !internal.has(m.name));
            if (d.events) d.events = d.events.filter((e) => e.name !== 'type');
          }
        }
      },
    },
  ],
};
