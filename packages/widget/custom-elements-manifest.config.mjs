// @custom-elements-manifest/analyzer: reads the class JSDoc of each *.component.ts (the contract:
// @summary, @event, @csspart, @cssproperty…) and writes custom-elements.json, which package.json's
// "customElements" points at. Registration happens in the define modules through a guarded
// helper the analyzer cannot follow, so the tag comes from the folder: components/offer → fenqi-offer.
export default {
  globs: ['src/components/**/*.component.ts', 'src/internal/offer-element.ts', 'src/internal/fenqi-element.ts'],
  exclude: ['src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      name: 'fenqi-tag-from-folder',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          const folder = module.path.match(/components\/([a-z-]+)\//)?.[1];
          for (const declaration of module.declarations ?? []) {
            // Internal state (Lit's `state: true`, declared private) is not an attribute.
            const privateNames = new Set((declaration.members ?? []).filter((member) => member.privacy === 'private').map((member) => member.name));
            declaration.attributes = declaration.attributes?.filter((attribute) => !privateNames.has(attribute.fieldName ?? attribute.name));
            declaration.members = declaration.members?.filter((member) => member.privacy !== 'private');
            // FenqiElement's emit(name, detail) dispatches whatever it is given; the analyzer reads
            // that as an event called "name". The real events are in each class's @event tags.
            declaration.events = declaration.events?.filter((event) => event.description !== undefined || event.inheritedFrom?.name !== 'FenqiElement');
            if (folder && declaration.kind === 'class') {
              declaration.tagName = `fenqi-${folder}`;
              declaration.customElement = true;
            }
          }
          module.exports = [
            ...(module.exports ?? []),
            ...(folder && module.declarations?.[0] ? [{ kind: 'custom-element-definition', name: `fenqi-${folder}`, declaration: { name: module.declarations?.[0]?.name, module: module.path } }] : []),
          ];
        }
      },
    },
  ],
};
