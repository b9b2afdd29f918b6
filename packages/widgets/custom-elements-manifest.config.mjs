// custom-elements.json for @epn/widgets: the component reference in docs/ is generated from it.
// Lit's internal reactive state (`state: true` in EpnElement's static properties) is not public API, and the
// event the base class dispatches through a variable shows up as an event named "type": both are removed here;
// the real events are declared with @event in each element's doc block.
const internal = new Set([
  'status',
  'progress',
  'model',
  'error',
  'staleError',
  'tableShown',
  'loadedAt',
  'table',
  'sizer',
  'loader',
  'extraTable',
  'extraError',
  'extraStale',
  'copyStatus',
  'themer',
  'exports',
]);

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.layout.ts', 'src/**/*.data.ts', 'src/**/*.strings.ts', 'src/**/*.palette.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      name: 'epn-drop-internal',
      packageLinkPhase({customElementsManifest}) {
        const declarations = customElementsManifest.modules.flatMap((m) => m.declarations ?? []);
        // The base class's own comment on `measure` ("each widget lists its measures"): an element whose doc block
        // does not replace it (`@attr measure - …`) has no measures (the cards), so `measure` is dropped from it.
        const base = declarations.find((d) => d.name === 'EpnElement');
        const genericMeasure = base?.members?.find((m) => m.name === 'measure')?.description;
        for (const d of declarations) {
          if (d.attributes) d.attributes = d.attributes.filter((a) => !internal.has(a.fieldName ?? a.name));
          for (const a of d.attributes ?? []) {
            if (a.name === 'lang' && !a.description) a.description = "`fr` (default, or the page's language) or `en`.";
          }
          if (d.members) d.members = d.members.filter((m) => !internal.has(m.name));
          if (d.events) d.events = d.events.filter((e) => e.name !== 'type');
          if (!d.tagName) continue;
          const measure = d.attributes?.find((a) => a.name === 'measure');
          if (measure && genericMeasure && measure.description === genericMeasure) {
            d.attributes = d.attributes.filter((a) => a !== measure);
            d.members = d.members?.filter((m) => m.name !== 'measure');
          }
          // An inherited property whose attribute the element's doc block describes (`@attr digits - …` on the
          // cards) takes that description: the base class's comment is about the charts (percentages).
          for (const m of d.members ?? []) {
            if (m.kind !== 'field' || !m.attribute || !m.inheritedFrom) continue;
            const a = d.attributes?.find((x) => x.name === m.attribute);
            if (a?.description && a.description !== m.description) m.description = a.description;
          }
        }
      },
    },
  ],
};
