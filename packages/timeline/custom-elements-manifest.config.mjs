/**
 * @custom-elements-manifest/analyzer config: `custom-elements.json` describes the public surface
 * only (what Storybook's API tables, editors and the framework typings read), and the framework
 * typings are generated from it into `dist/frameworks/` (shipped as `@reeltime/timeline/react`,
 * `/vue` and `/svelte`).
 *
 * - Only the modules a user imports are read: the elements, their events, the define module and
 *   the package entry. Renderers, controllers and geometry are implementation.
 * - Private, protected, `#private` and static members are dropped, and so is Lit's `styles`.
 * - Events: the analyzer also guesses names from `dispatchEvent(new X(detail))` calls, reading the
 *   detail argument as a name, so only the documented `reel-*` events are kept.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { jsxTypesPlugin } from '@wc-toolkit/jsx-types';
import { customElementSveltePlugin } from 'custom-element-svelte-integration';
import { customElementVuejsPlugin } from 'custom-element-vuejs-integration';

/** Typings for frameworks, next to the package's own `.d.ts` (imports are relative to `outdir`). */
const frameworks = { outdir: './dist/frameworks', globalTypePath: '../index.js' };

/**
 * What the generators leave to fix, run after them:
 * - React: the JSX file also augments preact, qwik, stencil, hono, react-native and solid-js,
 *   which fails to type-check (TS2664) in a project without them; keep React's modules only, and
 *   import the event classes its `onreel-*` handlers name.
 * - Vue and Svelte: a handler receives the event itself (`ReelSelectEvent`, a `CustomEvent` with a
 *   typed `detail`), not a `CustomEvent` whose detail is that event.
 * - Svelte 5 writes handlers as `onreel-select`; Svelte 4's `on:reel-select` is kept beside it.
 *   Svelte 5 reads `SvelteHTMLElements` from `svelte/elements`; Svelte 4 the global `svelteHTML`
 *   namespace (a `declare namespace` in a module file would stay local to it).
 */
const fixFrameworkTypings = {
  name: 'reeltime-framework-typings',
  packageLinkPhase({ customElementsManifest }) {
    // The event classes every element fires (`@fires {ReelSelectEvent} reel-select`), all exported
    // (as types at least) from the package entry.
    const eventTypes = [
      ...new Set(
        customElementsManifest.modules
          .flatMap((mod) => mod.declarations ?? [])
          .flatMap((declaration) => declaration.events ?? [])
          .map((event) => event.type?.text)
          .filter((type) => /^Reel\w+Event$/.test(type ?? '')),
      ),
    ];
    // What the entry exports: the generators also import module-level names it does not (e.g. a
    // helper function exported beside an element class), which would not resolve.
    const entry = new Set(
      customElementsManifest.modules.find((mod) => mod.path === 'src/index.ts')?.exports?.map((e) => e.name) ?? [],
    );
    const onlyExported = (text) =>
      text.replace(/import type \{([^}]*)\} from ["']\.\.\/index\.js["'];/g, (_, names) => {
        const kept = names
          .split(',')
          .map((name) => name.trim())
          .filter((name) => name && entry.has(name));
        return `import type { ${kept.join(', ')} } from '../index.js';`;
      });
    const file = (name) => new URL(`./dist/frameworks/${name}`, import.meta.url);
    const edit = (name, change) => writeFileSync(file(name), onlyExported(change(readFileSync(file(name), 'utf8'))));
    const typedEvents = (text) => text.replace(/CustomEvent<(Reel\w+Event)>/g, '$1');
    edit('react.d.ts', (text) => {
      const cut = text.search(/declare module ["']react["']/);
      const react = ['react', 'react/jsx-runtime', 'react/jsx-dev-runtime']
        .map(
          (module) =>
            `declare module '${module}' {\n  namespace JSX {\n    interface IntrinsicElements extends CustomElements {}\n  }\n  export interface CSSProperties extends CustomCssProperties {}\n}\n`,
        )
        .join('\n');
      // The generator imports the entry's exports it knows of; add the event classes it left out.
      const imports = text.slice(0, text.indexOf('/**'));
      const missing = eventTypes.filter((type) => !new RegExp(`\\b${type}\\b`).test(imports));
      const head = missing.length ? `import type { ${missing.join(', ')} } from '../index.js';\n` : '';
      return `${head}${text.slice(0, cut)}${react}`;
    });
    edit('vue.d.ts', typedEvents);
    edit('svelte.d.ts', (text) => {
      const cut = text.indexOf('declare namespace svelteHTML');
      return (
        typedEvents(text.slice(0, cut))
          .replace(/^(\s*)"on:(reel-[\w-]+)"\?: (.*)$/gm, '$1"on$2"?: $3\n$1"on:$2"?: $3')
          // There is no global JSX namespace in a Svelte project.
          .replace('children?: JSX.Element;', 'children?: unknown;')
          .replace('style?: JSX.CSSProperties;', 'style?: string;')
          // Svelte 5 sets a custom element's property when it has one: `data={…}` as well as `bind:data`.
          .replace(/^(\s*)"bind:(\w+)"\?: (.*)$/gm, '$1$2?: $3\n$1"bind:$2"?: $3') +
        "declare module 'svelte/elements' {\n  interface SvelteHTMLElements extends CustomElements {}\n}\n\n" +
        'declare global {\n  namespace svelteHTML {\n    interface IntrinsicElements extends CustomElements {}\n  }\n}\n'
      );
    });
  },
};

/**
 * Whether a class member is part of the public API. (A property declared in `static properties` is
 * marked `public` by the analyzer; one that is `private` in TypeScript stays private.)
 */
const isPublic = (member) =>
  (!member.privacy || member.privacy === 'public') &&
  !member.static &&
  !member.name.startsWith('#') &&
  !member.name.startsWith('_');

export default {
  globs: [
    'src/index.ts',
    'src/define/*.ts',
    'src/timeline/timeline.ts',
    'src/event/event.ts',
    'src/event/read-event.ts',
    'src/events/events.ts',
    'src/story/story.ts',
    'src/overview/overview.ts',
  ],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts', 'src/bundle.ts'],
  litelement: true,
  plugins: [
    {
      name: 'reeltime-public-surface',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const declaration of mod.declarations ?? []) {
            if (declaration.kind !== 'class') continue;
            // Internal state in `static properties` (`{ state: true }`) is read as an attribute too.
            const hidden = new Set(declaration.members?.filter((member) => !isPublic(member)).map((m) => m.name));
            if (declaration.attributes)
              declaration.attributes = declaration.attributes.filter((attribute) => !hidden.has(attribute.fieldName));
            if (declaration.members) declaration.members = declaration.members.filter(isPublic);
            for (const member of declaration.members ?? []) delete member.privacy;
            if (declaration.events)
              declaration.events = declaration.events.filter((event) => /^reel-/.test(event.name ?? ''));
          }
        }
      },
    },
    jsxTypesPlugin({ ...frameworks, fileName: 'react.d.ts', modulePath: () => '../index.js' }),
    customElementVuejsPlugin({ ...frameworks, fileName: 'vue.d.ts' }),
    customElementSveltePlugin({ ...frameworks, fileName: 'svelte.d.ts' }),
    fixFrameworkTypings,
  ],
};
