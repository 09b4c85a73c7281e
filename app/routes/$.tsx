// Any address no other route matches: a 404 rendered by the root's error page inside the signed-in layout. Without this
// route Remix answers unknown addresses before the root loader runs, so the page lost the header and navigation.
import { data } from '@remix-run/node';

export function loader(): never {
  throw data(null, { status: 404 });
}

export default function NotFound() {
  return null;
}
