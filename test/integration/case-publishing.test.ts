// Publishing standards to CASE consumers and the public IMS CASE 1.0 API: who may publish, what is served (published,
// current versions only), what another organisation's unpublished standard looks like (404), and the CASE envelopes.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { expect } from 'chai';
import {
  caseOptionsFor,
  casePublicationOf,
  findCaseAssociation,
  findCaseDocument,
  findCaseItem,
  findCasePackage,
  listCaseDocuments,
  setCasePublication,
} from '#app/domain/standards/case-publishing.server.ts';
import { toCasePackage, type CasePackage } from '#app/domain/standards/formats/case-json.ts';
import { exportableStandard, saveStandardVersions } from '#app/domain/standards.server.ts';
import * as documentsRoute from '#app/routes/ims.case.v1p0.CFDocuments._index.ts';
import * as itemRoute from '#app/routes/ims.case.v1p0.CFItems.$sourcedId.ts';
import * as packageRoute from '#app/routes/ims.case.v1p0.CFPackages.$sourcedId.ts';
import { env } from '#app/utils/env.server.ts';
import { Forbidden, NotFound } from '#app/utils/errors.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { AuditEvent } from '#db/models/index.ts';
import { loadSeedStandard } from '#db/seed/standards.ts';
import { createStaffedOrganisation } from '#test/factories/index.ts';
import { expectRejection } from '#test/support/rejections.ts';

/** The package the portal's export gives an organisation for its current version of a standard. */
async function exported(actor: Awaited<ReturnType<typeof createStaffedOrganisation>>['admin'], urn: string): Promise<CasePackage> {
  return toCasePackage(await exportableStandard(actor, urn), caseOptionsFor(actor.organisationId));
}

function get(loader: (args: LoaderFunctionArgs) => Promise<Response>, path: string, params: Record<string, string> = {}) {
  return loader({ request: new Request(`http://attacker.example${path}`), params, context: {} } as LoaderFunctionArgs);
}

describe('CASE publishing', () => {
  it('only an admin of the organisation publishes; it is audited, and withdrawing is too', async () => {
    const org = await createStaffedOrganisation();
    const other = await createStaffedOrganisation();
    await saveStandardVersions(contextFor(org.admin, { ipAddress: 'ip' }), [loadSeedStandard('LMCA4')]);
    await expectRejection(setCasePublication(contextFor(org.manager, { ipAddress: 'ip' }), 'LMCA4', true), Forbidden);
    await expectRejection(setCasePublication(contextFor(other.admin, { ipAddress: 'ip' }), 'LMCA4', true), NotFound);
    expect((await casePublicationOf(org.worker, 'LMCA4')).publishedAt).to.equal(null);
    await setCasePublication(contextFor(org.admin, { ipAddress: 'ip' }), 'LMCA4', true);
    await setCasePublication(contextFor(org.admin, { ipAddress: 'ip' }), 'LMCA4', true); // already published: nothing more to record
    const publication = await casePublicationOf(org.worker, 'LMCA4');
    expect(publication.publishedAt).to.be.a('string');
    expect(publication.packageUri).to.equal(`${env().publicUrl}/ims/case/v1p0/CFPackages/${(await exported(org.admin, 'LMCA4')).CFDocument.identifier}`);
    await setCasePublication(contextFor(org.admin, { ipAddress: 'ip' }), 'LMCA4', false);
    const events = await AuditEvent.findAll({ where: { organisationId: org.organisation.id, action: 'standard.case_publication_changed' }, order: [['id', 'ASC']] });
    expect(events.map((event) => event.summary)).to.deep.equal([
      `${org.admin.name} published LMCA4 to CASE consumers`,
      `${org.admin.name} withdrew LMCA4 from CASE consumers`,
    ]);
  });

  it('serves published current versions only; every uri in the export resolves to the same node', async () => {
    const org = await createStaffedOrganisation();
    await saveStandardVersions(contextFor(org.admin, { ipAddress: 'ip' }), [loadSeedStandard('LMCA4'), loadSeedStandard('HSC3331')]);
    const lmca4 = await exported(org.admin, 'LMCA4');
    const hsc = await exported(org.admin, 'HSC3331');
    expect(await findCasePackage(lmca4.CFDocument.identifier)).to.equal(null);
    await setCasePublication(contextFor(org.admin, { ipAddress: 'ip' }), 'LMCA4', true);

    expect(await findCasePackage(lmca4.CFDocument.identifier)).to.deep.equal(lmca4);
    expect(await findCaseDocument(lmca4.CFDocument.identifier.toUpperCase())).to.deep.equal(lmca4.CFDocument);
    for (const item of lmca4.CFItems) expect(await findCaseItem(item.identifier)).to.deep.equal(item);
    const association = lmca4.CFAssociations[7]!;
    expect(await findCaseAssociation(association.identifier)).to.deep.equal(association);
    expect(await findCaseItem(association.identifier), 'an association is not an item').to.equal(null);
    const base = `${env().publicUrl}/ims/case/v1p0`;
    for (const node of [lmca4.CFDocument, ...lmca4.CFItems, ...lmca4.CFAssociations]) expect(node.uri.startsWith(`${base}/`)).to.equal(true);

    expect(await findCasePackage(hsc.CFDocument.identifier), 'unpublished').to.equal(null);
    expect(await findCaseItem(hsc.CFItems[0]!.identifier)).to.equal(null);
    const { documents } = await listCaseDocuments({ limit: 1000, offset: 0 });
    expect(documents.map((document) => document.identifier)).to.include(lmca4.CFDocument.identifier).and.not.include(hsc.CFDocument.identifier);

    // A new version replaces the old one for CASE consumers: the old identifiers stop resolving.
    await saveStandardVersions(contextFor(org.admin, { ipAddress: 'ip' }), [{ ...loadSeedStandard('LMCA4'), version: '2' }]);
    const second = await exported(org.admin, 'LMCA4');
    expect(second.CFDocument.identifier).to.not.equal(lmca4.CFDocument.identifier);
    expect(await findCasePackage(lmca4.CFDocument.identifier)).to.equal(null);
    expect(await findCaseItem(lmca4.CFItems[0]!.identifier)).to.equal(null);
    expect((await findCasePackage(second.CFDocument.identifier))?.CFDocument.version).to.equal('2');

    await setCasePublication(contextFor(org.admin, { ipAddress: 'ip' }), 'LMCA4', false);
    expect(await findCasePackage(second.CFDocument.identifier)).to.equal(null);
  });

  it('keeps organisations apart: the same URN elsewhere has its own identifiers, and is 404 while unpublished', async () => {
    const ours = await createStaffedOrganisation();
    const theirs = await createStaffedOrganisation();
    await saveStandardVersions(contextFor(ours.admin, { ipAddress: 'ip' }), [loadSeedStandard('ASTH325')]);
    await saveStandardVersions(contextFor(theirs.admin, { ipAddress: 'ip' }), [loadSeedStandard('ASTH325')]);
    await setCasePublication(contextFor(ours.admin, { ipAddress: 'ip' }), 'ASTH325', true);
    const mine = await exported(ours.admin, 'ASTH325');
    const hidden = await exported(theirs.admin, 'ASTH325');
    expect(hidden.CFDocument.identifier).to.not.equal(mine.CFDocument.identifier);
    expect(await findCasePackage(mine.CFDocument.identifier)).to.deep.equal(mine);
    expect(await findCasePackage(hidden.CFDocument.identifier)).to.equal(null);
    expect(await findCaseItem(hidden.CFItems[3]!.identifier)).to.equal(null);

    const response = await get(packageRoute.loader, `/ims/case/v1p0/CFPackages/${hidden.CFDocument.identifier}`, { sourcedId: hidden.CFDocument.identifier });
    expect(response.status).to.equal(404);
    expect(response.headers.get('content-type')).to.match(/^application\/json/);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body.imsx_codeMajor).to.equal('failure');
    expect(body.imsx_description).to.equal('No published CFPackage has that sourcedId.');
    expect(JSON.stringify(body)).to.not.contain('ASTH325');
  });

  it('answers over HTTP with CASE JSON, without sign-in, with uris from PUBLIC_URL and not the Host header', async () => {
    const org = await createStaffedOrganisation();
    await saveStandardVersions(contextFor(org.admin, { ipAddress: 'ip' }), [loadSeedStandard('HSC3331')]);
    await setCasePublication(contextFor(org.admin, { ipAddress: 'ip' }), 'HSC3331', true);
    const pkg = await exported(org.admin, 'HSC3331');
    const item = pkg.CFItems.find((node) => node.humanCodingScheme === 'HSC3331.P3')!;
    const response = await get(itemRoute.loader, `/ims/case/v1p0/CFItems/${item.identifier}`, { sourcedId: item.identifier });
    expect(response.status).to.equal(200);
    const served = (await response.json()) as typeof item;
    expect(served).to.deep.equal(JSON.parse(JSON.stringify(item)));
    expect(served.uri).to.not.contain('attacker.example');
    expect((await get(itemRoute.loader, '/ims/case/v1p0/CFItems/not-a-uuid', { sourcedId: 'not-a-uuid' })).status).to.equal(404);

    const list = await get(documentsRoute.loader, '/ims/case/v1p0/CFDocuments?limit=1&offset=0');
    expect(list.status).to.equal(200);
    const page = (await list.json()) as { CFDocuments: unknown[] };
    expect(Object.keys(page)).to.deep.equal(['CFDocuments']);
    expect(page.CFDocuments).to.have.length(1);
    expect(Number(list.headers.get('x-total-count'))).to.be.at.least(1);
    const bad = await get(documentsRoute.loader, '/ims/case/v1p0/CFDocuments?limit=0');
    expect(bad.status).to.equal(400);
    expect(((await bad.json()) as { imsx_codeMajor: string }).imsx_codeMajor).to.equal('failure');
    expect((await documentsRoute.action()).status).to.equal(405);
  });
});
