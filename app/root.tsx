// The document shell: landmarks, skip link, header with the signed-in person, navigation, error pages.
import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react';
import { useRef, type ReactNode } from 'react';
import { CsrfInput } from './components/csrf-input.tsx';
import { useNonce } from './components/nonce.tsx';
import { SuccessBanner } from './components/ui/success-banner.tsx';
import stylesUrl from './styles/app.scss?url';
import { getActor } from './utils/auth.server.ts';
import { issueCsrfToken } from './utils/csrf.server.ts';
import { takeFlash } from './utils/flash.server.ts';
import { navigationFor, showsAccountLink } from './utils/navigation.server.ts';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesUrl },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

export const meta: MetaFunction = () => [{ title: 'NOSfolio' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await getActor(request);
  const csrf = await issueCsrfToken(request, actor !== null);
  const { flash, setCookie: flashCookie } = await takeFlash(request);
  const headers = new Headers();
  for (const cookie of [csrf.setCookie, flashCookie]) if (cookie) headers.append('Set-Cookie', cookie);
  return data(
    {
      csrfToken: csrf.token,
      actor: actor ? { name: actor.name, organisationName: actor.organisationName, roles: actor.roles } : null,
      navigation: actor ? navigationFor(actor) : [],
      accountLink: actor ? showsAccountLink(actor) : false,
      flash,
    },
    { headers },
  );
}

/**
 * The flash arrives with the root's data after a redirect. The root does not reload on every link, so the banner is
 * shown only at the location it arrived with, and goes when the person moves on.
 */
function useFlashOnce(flash: { message: string } | null | undefined) {
  const location = useLocation();
  const arrived = useRef<{ flash: typeof flash; key: string } | null>(null);
  if (arrived.current?.flash !== flash) arrived.current = { flash, key: location.key };
  return flash && arrived.current?.key === location.key ? flash : null;
}

/** A route's `handle`: `wide` gives its main content the width of the screen up to 1400px (a table that needs it). */
export type PageHandle = { wide?: boolean };

export function Layout({ children }: { children: ReactNode }) {
  const root = useRouteLoaderData<typeof loader>('root');
  const nonce = useNonce();
  const flash = useFlashOnce(root?.flash);
  const wide = useMatches().some((match) => (match.handle as PageHandle | undefined)?.wide === true);
  const container = wide ? 'app-width-container--wide' : 'govuk-width-container';
  return (
    <html lang="en-GB" className="govuk-template govuk-template--rebranded">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="govuk-template__body">
        <a href="#main-content" className="govuk-skip-link">
          Skip to main content
        </a>
        <header className="app-header">
          <div className={`${container} app-header__container`}>
            <div>
              <Link to="/" className="app-header__product">
                NOSfolio
              </Link>
              {root?.actor ? <p className="app-header__organisation">{root.actor.organisationName}</p> : null}
            </div>
            {root?.actor ? (
              <div className="app-header__account">
                <span>{root.actor.name}</span>
                {root.accountLink ? <NavLink to="/account">Your account</NavLink> : null}
                <Form method="post" action="/logout" className="app-inline-form">
                  <CsrfInput />
                  <button type="submit" className="app-link-button">
                    Sign out
                  </button>
                </Form>
              </div>
            ) : null}
          </div>
        </header>
        {root?.navigation.length ? (
          <nav className="app-nav" aria-label="Main">
            <div className={container}>
              <ul className="app-nav__list">
                {root.navigation.map((item) => (
                  <li key={item.href}>
                    <NavLink to={item.href} end={item.href === '/'} className="app-nav__link">
                      {item.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </div>
          </nav>
        ) : null}
        <div className={container}>
          <main className="govuk-main-wrapper" id="main-content" tabIndex={-1}>
            {flash ? (
              <div className="govuk-grid-row">
                <div className="govuk-grid-column-two-thirds">
                  <SuccessBanner id="flash-title">{flash.message}</SuccessBanner>
                </div>
              </div>
            ) : null}
            {children}
          </main>
        </div>
        <footer className="govuk-footer app-footer">
          <div className={container}>
            <p className="govuk-body-s">NOSfolio: competence, supervision and development against the National Occupational Standards.</p>
          </div>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const [title, body] =
    status === 404
      ? ['Page not found', 'If you typed the web address, check it is correct. If you followed a link, the item may have been removed or you may not have access to it.']
      : status === 403
        ? ['You cannot see this page', 'Ask your organisation admin if you think you should have access.']
        : status === 400 || status === 409
          ? ['That could not be done', isRouteErrorResponse(error) && typeof error.data === 'string' ? error.data : 'Go back and try again.']
          : ['Sorry, there is a problem with the service', 'Try again later.'];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{title}</h1>
        <p className="govuk-body">{body}</p>
        <p className="govuk-body">
          <Link to="/" className="govuk-link">
            Go to the home page
          </Link>
        </p>
      </div>
    </div>
  );
}
