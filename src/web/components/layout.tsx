import type { Child, FC } from 'hono/jsx';
import { raw } from 'hono/html';
import { stylesheets } from '../assets';
import { renderMarkdown } from './markdown';

export interface LayoutProps {
  title: string;
  /** Meta description for search engines and link previews. */
  description?: string | undefined;
  /** NL Design System theme class of the organiser (default: the voorbeeld theme). */
  themeClass?: string | undefined;
  children?: Child;
}

/**
 * The page frame: skip link, header, main, footer, in NL Design System (Utrecht) markup.
 * Only functional cookies exist, so there is no cookie banner; nothing loads from
 * another host.
 */
export const Layout: FC<LayoutProps> = ({ title, description, themeClass, children }) => (
  <html lang="nl" class="utrecht-root">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{`${title} · bijeen`}</title>
      {description ? <meta name="description" content={description} /> : null}
      {stylesheets.map((href) => (
        <link rel="stylesheet" href={href} />
      ))}
    </head>
    <body class={`utrecht-body utrecht-document ${themeClass ?? 'voorbeeld-theme'}`}>
      <a class="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#inhoud">
        Direct naar de inhoud
      </a>
      <div class="utrecht-page">
        <header class="utrecht-page-header bijeen-header">
          <a class="utrecht-link bijeen-brand" href="/">
            bijeen <span class="bijeen-brand__tag">evenementen</span>
          </a>
          <nav aria-label="Hoofdmenu">
            <ul class="bijeen-nav">
              <li>
                <a class="utrecht-link" href="/">
                  Agenda
                </a>
              </li>
            </ul>
          </nav>
        </header>
        <main id="inhoud" class="utrecht-page-content bijeen-main" tabindex={-1}>
          {children}
        </main>
        <footer class="utrecht-page-footer bijeen-footer">
          <p class="utrecht-paragraph">
            bijeen gebruikt alleen functionele cookies en laadt niets van andere websites.
          </p>
        </footer>
      </div>
    </body>
  </html>
);

export const Markdown: FC<{ source: string | undefined; headingBase?: number }> = ({ source, headingBase }) =>
  source ? <div class="utrecht-rich-text">{raw(renderMarkdown(source, headingBase))}</div> : null;
