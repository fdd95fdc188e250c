import type { FC } from 'hono/jsx';
import { Layout } from '../components/layout';

export const NotFoundPage: FC<{ what?: string }> = ({ what }) => (
  <Layout title="Pagina niet gevonden">
    <h1 class="utrecht-heading-1">Pagina niet gevonden</h1>
    <p class="utrecht-paragraph">
      {what ?? 'Deze pagina bestaat niet (meer).'} Misschien is het adres verkeerd overgenomen, of is het evenement
      verplaatst.
    </p>
    <p class="utrecht-paragraph">
      <a class="utrecht-link" href="/">
        Naar de agenda
      </a>
    </p>
  </Layout>
);

/** A short message with its own title (too many attempts, a link that expired, …). */
export const MessagePage: FC<{ title: string; text: string }> = ({ title, text }) => (
  <Layout title={title}>
    <h1 class="utrecht-heading-1">{title}</h1>
    <p class="utrecht-paragraph">{text}</p>
    <p class="utrecht-paragraph">
      <a class="utrecht-link" href="/">
        Naar de agenda
      </a>
    </p>
  </Layout>
);

export const ErrorPage: FC = () => (
  <MessagePage
    title="Er ging iets mis"
    text="Door een fout aan onze kant kon deze pagina niet worden getoond. Er is niets verloren gegaan. Probeer het over een paar minuten opnieuw."
  />
);
