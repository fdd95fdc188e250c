import type { FC } from 'hono/jsx';

/**
 * Links to the page before and after, under a long list. `href(n)` gives page n's address
 * (with the filters kept); the words may say what the pages hold ("Oudere regels").
 */
export const Pager: FC<{ page: number; pages: number; href: (page: number) => string; previous?: string; next?: string }> = ({
  page,
  pages,
  href,
  previous = 'Vorige pagina',
  next = 'Volgende pagina',
}) =>
  pages > 1 ? (
    <nav aria-label="Paginering">
      <ul class="bijeen-nav">
        {page > 1 ? (
          <li>
            <a class="utrecht-link" href={href(page - 1)} rel="prev">
              {previous}
            </a>
          </li>
        ) : null}
        {page < pages ? (
          <li>
            <a class="utrecht-link" href={href(page + 1)} rel="next">
              {next}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  ) : null;
