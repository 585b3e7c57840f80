/**
 * @custom-elements-manifest/analyzer config. Events are documented with `@fires` on each class;
 * the analyzer also guesses names from `dispatchEvent(new X(detail))` calls, reading the detail
 * argument as a name, so only `reel-*` events are kept.
 */
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts', 'src/bundle.ts'],
  litelement: true,
  plugins: [
    {
      name: 'reeltime-documented-events-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const declaration of mod.declarations ?? []) {
            if (declaration.events)
              declaration.events = declaration.events.filter((event) => /^reel-/.test(event.name ?? ''));
          }
        }
      },
    },
  ],
};
