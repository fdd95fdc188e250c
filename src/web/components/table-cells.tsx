import type { Child, FC } from 'hono/jsx';

/* The cells of an Utrecht table, as every back-office table uses them. */

/** A column header. */
export const Th: FC<{ children: Child }> = ({ children }) => (
  <th class="utrecht-table__header-cell" scope="col">
    {children}
  </th>
);

/** A data cell. */
export const Td: FC<{ children?: Child }> = ({ children }) => <td class="utrecht-table__cell">{children}</td>;
