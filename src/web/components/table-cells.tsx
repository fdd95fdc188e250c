import type { Child, FC } from 'hono/jsx';

/* The cells of an Utrecht table, as every back-office table uses them. */

/** A column header; `numeric` for a column of numbers (aligned to the right). */
export const Th: FC<{ children: Child; numeric?: boolean }> = ({ children, numeric }) => (
  <th class={numeric ? 'utrecht-table__header-cell utrecht-table__header-cell--numeric' : 'utrecht-table__header-cell'} scope="col">
    {children}
  </th>
);

/** A data cell. */
export const Td: FC<{ children?: Child }> = ({ children }) => <td class="utrecht-table__cell">{children}</td>;

/**
 * An Utrecht table in its scrolling container: a caption (every back-office table has one,
 * for screen readers), the column headers, then its rows as children. `headers` for plain
 * column titles; `head` for header cells of one's own (numeric columns, sort links).
 */
export const DataTable: FC<{ caption: Child; headers?: string[]; head?: Child; children: Child }> = ({ caption, headers, head, children }) => (
  <div class="utrecht-table-container">
    <table class="utrecht-table">
      <caption class="utrecht-table__caption">{caption}</caption>
      <thead class="utrecht-table__header">
        <tr class="utrecht-table__row">{headers ? headers.map((h) => <Th>{h}</Th>) : head}</tr>
      </thead>
      <tbody class="utrecht-table__body">{children}</tbody>
    </table>
  </div>
);
