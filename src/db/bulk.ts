import { getTableColumns, sql, type InferInsertModel, type InferSelectModel } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './client';

/*
 * Insert many rows as ONE parameter: a JSON array that PostgreSQL unpacks with
 * jsonb_to_recordset. Drizzle's insert builder turns every value of every row into a
 * parameter of its own and checks each one, which for a batch of a hundred registrations
 * with their mails cost more CPU than the database did (bench/rush.ts, docs/decisions/012).
 * Only the hot paths use this; everything else uses the builder.
 */

export interface InsertManyOptions {
  /** Skip rows that conflict (on `target`, a column list, or any unique index). */
  onConflictDoNothing?: { target?: string };
  /** Return the inserted rows (default), or only count them: the rows can be large. */
  returnRows?: boolean;
}

/**
 * Insert `rows` (all with the same keys, as Drizzle would take them) and return the
 * inserted rows as Drizzle would (`returning()`); rows skipped on a conflict are absent.
 * With `returnRows: false`, an array as long as the number inserted, of nothing.
 */
export async function insertMany<T extends PgTable>(
  tx: Db,
  table: T,
  rows: InferInsertModel<T>[],
  opts: InsertManyOptions = {},
): Promise<InferSelectModel<T>[]> {
  if (rows.length === 0) return [];
  const columns = getTableColumns(table) as Record<string, { name: string; getSQLType(): string; mapToDriverValue(v: unknown): unknown; mapFromDriverValue(v: unknown): unknown; columnType: string }>;
  const keys = Object.keys(rows[0]!).filter((k) => rows[0]![k as keyof typeof rows[0]] !== undefined);
  for (const k of keys) if (!columns[k]) throw new Error(`insertMany: ${k} is no column of ${getTableConfig(table).name}`);
  const json = rows.map((row) => {
    const out: Record<string, unknown> = {};
    for (const k of keys) {
      const column = columns[k]!;
      const value = (row as Record<string, unknown>)[k];
      // JSON columns go in as JSON; everything else as PostgreSQL's text form of it.
      out[column.name] =
        value === null || value === undefined
          ? null
          : column.columnType === 'PgJsonb' || column.columnType === 'PgJson'
            ? value
            : value instanceof Date
              ? value.toISOString()
              : column.mapToDriverValue(value);
    }
    return out;
  });
  const names = keys.map((k) => `"${columns[k]!.name}"`).join(', ');
  const types = keys.map((k) => `"${columns[k]!.name}" ${columns[k]!.getSQLType()}`).join(', ');
  const target = opts.onConflictDoNothing?.target;
  const conflict = opts.onConflictDoNothing ? ` ON CONFLICT ${target ? `(${target}) ` : ''}DO NOTHING` : '';
  const returning = opts.returnRows === false ? 'RETURNING NULL' : 'RETURNING *';
  const result = (await tx.execute(
    sql`INSERT INTO ${table} (${sql.raw(names)}) SELECT ${sql.raw(names)} FROM jsonb_to_recordset(${JSON.stringify(json)}::jsonb) AS x(${sql.raw(types)})${sql.raw(conflict)} ${sql.raw(returning)}`,
  )) as unknown as { rows: Record<string, unknown>[] };
  if (opts.returnRows === false) return new Array(result.rows.length) as InferSelectModel<T>[];
  return result.rows.map((raw) => {
    const row: Record<string, unknown> = {};
    for (const [key, column] of Object.entries(columns)) {
      const value = raw[column.name];
      row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
    }
    return row as InferSelectModel<T>;
  });
}
