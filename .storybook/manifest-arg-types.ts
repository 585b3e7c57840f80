/**
 * API tables from `custom-elements.json`, one row per public thing: properties (with their
 * attribute), methods, events, slots, CSS parts and CSS custom properties.
 *
 * Storybook's own extractor keys every row by its bare name, so a part named like an attribute
 * (`marker`) replaces it; it drops the default slot (no name) and every method. Here only
 * properties are keyed by their name (they are the story args); the other rows get a prefixed
 * key and keep their name for display, with no control.
 */
import type { ArgTypes } from '@storybook/web-components-vite';

interface Described {
  name: string;
  description?: string;
  summary?: string;
  type?: { text?: string };
  default?: string;
}
interface Member extends Described {
  kind: 'field' | 'method';
  attribute?: string;
  readonly?: boolean;
  privacy?: string;
  static?: boolean;
  parameters?: Described[];
  return?: { type?: { text?: string } };
}
interface Declaration {
  tagName?: string;
  members?: Member[];
  attributes?: (Described & { fieldName?: string })[];
  events?: Described[];
  slots?: Described[];
  cssParts?: Described[];
  cssProperties?: Described[];
}
export interface Manifest {
  modules: { path?: string; declarations?: Declaration[] }[];
}

/** Property types edited as text or a choice; anything else (data, functions) gets no control. */
function controlFor(member: Member): ArgTypes[string]['control'] {
  const type = member.type?.text ?? '';
  if (member.readonly) return false;
  if (type === 'string' || type === 'string | null') return 'text';
  if (/^('[^']*'( \| )?)+$/.test(type)) return 'select';
  return false;
}

const options = (type: string | undefined) => type?.match(/'[^']*'/g)?.map((quoted) => quoted.slice(1, -1));

/** The rows of an element's API table, or `undefined` when the manifest does not know the tag. */
export function argTypesFromManifest(manifest: Manifest, tagName: string): ArgTypes | undefined {
  const element = manifest.modules
    .flatMap((mod) => mod.declarations ?? [])
    .find((declaration) => declaration.tagName === tagName);
  if (!element) return undefined;
  const rows: ArgTypes = {};
  const row = (key: string, item: Described, category: string, type?: string, defaultValue?: string) => {
    rows[key] = {
      name: item.name,
      description: item.description ?? item.summary ?? '',
      control: false,
      table: {
        category,
        type: type ? { summary: type } : undefined,
        defaultValue: defaultValue ? { summary: defaultValue } : undefined,
      },
    };
  };
  const members = (element.members ?? []).filter((member) => !member.privacy && !member.static);
  for (const member of members.filter((member) => member.kind === 'field')) {
    const attribute = element.attributes?.find((attr) => attr.fieldName === member.name)?.name;
    const notes = [
      attribute ? `Attribute: \`${attribute}\`.` : 'Property only (no attribute).',
      member.readonly ? 'Read-only.' : '',
    ].filter(Boolean);
    row(member.name, member, 'properties', member.type?.text, member.default);
    const control = controlFor(member);
    const choices = options(member.type?.text);
    rows[member.name] = {
      ...rows[member.name],
      description: `${member.description ?? ''}\n\n${notes.join(' ')}`.trim(),
      control: control === 'select' ? { type: 'select' } : control === 'text' ? { type: 'text' } : false,
      ...(control === 'select' && choices ? { options: choices } : {}),
    };
  }
  for (const method of members.filter((member) => member.kind === 'method')) {
    const params = (method.parameters ?? []).map((p) => `${p.name}: ${p.type?.text ?? 'unknown'}`).join(', ');
    const signature = `${method.name}(${params}): ${method.return?.type?.text ?? 'void'}`;
    row(`method:${method.name}`, { ...method, name: `${method.name}()` }, 'methods', signature);
  }
  for (const event of element.events ?? []) row(`event:${event.name}`, event, 'events', event.type?.text);
  for (const slot of element.slots ?? [])
    row(`slot:${slot.name}`, { ...slot, name: slot.name || '(default)' }, 'slots');
  for (const part of element.cssParts ?? []) row(`part:${part.name}`, part, 'css shadow parts');
  for (const property of element.cssProperties ?? [])
    row(`css:${property.name}`, property, 'css custom properties', undefined, property.default);
  return rows;
}
