// Flash messages: set with a redirect, read once by the root, never put in the address.
import { expect } from 'chai';
import { redirectWithFlash, takeFlash } from '#app/utils/flash.server.ts';

function cookieFrom(response: Response): string {
  return response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).join('; ');
}

describe('flash messages', () => {
  it('redirects to the plain address with the message in a signed, httpOnly cookie', async () => {
    const response = await redirectWithFlash('/people/7', 'Changes saved.');
    expect(response.status).to.equal(302);
    expect(response.headers.get('Location')).to.equal('/people/7');
    const [cookie] = response.headers.getSetCookie();
    expect(cookie).to.match(/^__nosfolio_flash=/).and.to.include('HttpOnly').and.to.include('SameSite=Lax');
  });

  it('gives the message once, with a header that clears it', async () => {
    const cookie = cookieFrom(await redirectWithFlash('/policies/3', 'Policy added.'));
    const first = await takeFlash(new Request('http://localhost/policies/3', { headers: { Cookie: cookie } }));
    expect(first.flash).to.deep.equal({ kind: 'success', message: 'Policy added.' });
    expect(first.setCookie).to.match(/^__nosfolio_flash=;/).and.to.include('Expires=Thu, 01 Jan 1970');
    const none = await takeFlash(new Request('http://localhost/policies/3'));
    expect(none).to.deep.equal({ flash: null, setCookie: null });
  });

  it('ignores a cookie that was not signed by the portal', async () => {
    const forged = `__nosfolio_flash=${Buffer.from(JSON.stringify({ __flash_flash__: { kind: 'success', message: 'Forged' } })).toString('base64')}`;
    const { flash } = await takeFlash(new Request('http://localhost/', { headers: { Cookie: forged } }));
    expect(flash).to.equal(null);
  });

  it('keeps other headers given with the redirect', async () => {
    const response = await redirectWithFlash('/', 'Signed in.', { headers: { 'Set-Cookie': '__nosfolio=abc; Path=/' } });
    expect(response.headers.getSetCookie()).to.have.length(2);
  });
});
