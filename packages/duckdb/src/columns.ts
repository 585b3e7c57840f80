/**
 * Column mapping: which column of a file or table holds each field an event needs. Names are
 * identifiers, never data: each is checked against a strict pattern and quoted, so a name can
 * neither close its quotes nor carry SQL of its own.
 *
 * @module
 */
import { SqlSourceError } from './errors.js';

/** The fields a source reads, required first. */
export const COLUMN_ROLES = ['id', 'title', 'start', 'end', 'lane', 'precision', 'status', 'description'] as const;
/** A field a source reads. */
export type ColumnRole = (typeof COLUMN_ROLES)[number];
/** The fields every table must have. */
export const REQUIRED_ROLES: readonly ColumnRole[] = ['id', 'title', 'start'];

/**
 * Column names by field, for tables whose columns are named differently (`{ start: 'begin_at' }`).
 * A field left out is read from the column of its own name, when the table has one (`end`, `lane`,
 * `precision`, `status` and `description` are optional).
 */
export type ColumnMap = Partial<Record<ColumnRole, string>>;

/** Letters, digits, `_`, `-`, `.` and spaces, starting with a letter or `_`; at most 128 characters. */
const IDENTIFIER = /^[\p{L}_][\p{L}\p{N}_ .-]{0,127}$/u;

/** Whether `name` is an identifier this package accepts. */
export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name);
}

/** `name` as a quoted SQL identifier; throws a `bad-column` error for anything else than an identifier. */
export function quoteIdentifier(name: string): string {
  if (!isIdentifier(name))
    throw new SqlSourceError(
      'bad-column',
      `"${name}" is not a column or table name (letters, digits, _ - . and spaces)`,
    );
  // The pattern admits no double quote, so the quoted name cannot end early.
  return `"${name}"`;
}

/**
 * The column read for each field: the mapped name, or the field's own name when the table has it.
 * Throws `missing-column` naming what is missing, or `bad-column` for a name that is no identifier.
 */
export function resolveColumns(map: ColumnMap, available: readonly string[]): Partial<Record<ColumnRole, string>> {
  for (const [role, name] of Object.entries(map)) {
    if (!(COLUMN_ROLES as readonly string[]).includes(role))
      throw new SqlSourceError('bad-column', `"${role}" is not a field a timeline reads (${COLUMN_ROLES.join(', ')})`);
    if (typeof name !== 'string') throw new SqlSourceError('bad-column', `The column for "${role}" is not a name`);
    quoteIdentifier(name);
  }
  const has = new Set(available);
  const resolved: Partial<Record<ColumnRole, string>> = {};
  for (const role of COLUMN_ROLES) {
    const name = map[role] ?? role;
    if (has.has(name)) resolved[role] = name;
    else if (map[role] !== undefined || REQUIRED_ROLES.includes(role))
      throw new SqlSourceError(
        'missing-column',
        `The data has no column "${name}" for the event ${role} (its columns: ${available.join(', ')})`,
      );
  }
  return resolved;
}
