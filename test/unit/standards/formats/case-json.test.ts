// Unit tests for CASE 1.0 CFPackage export/import: structure, stable identifiers, round trips and foreign packages.
import { expect } from 'chai';
import { strFromU8, unzipSync } from 'fflate';
import {
  fromCaseJson,
  fromCasePackage,
  fromCaseZip,
  toCaseJson,
  toCasePackage,
  toCaseZip,
  type CasePackage,
} from '#app/domain/standards/formats/case-json.ts';
import { exportStandards, StandardFormatError } from '#app/domain/standards/formats/index.ts';
import { uuidV5 } from '#app/domain/standards/formats/uuid-v5.ts';
import { awkwardStandard, caught, expectSameItems, loadSeed, seeds, withoutNotes } from './fixtures.ts';

const baseUri = 'https://portal.example/ims/case/v1p0/';
const UUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('CASE 1.0 JSON format', () => {
  const lmca4 = toCasePackage(loadSeed('LMCA4'), { baseUri });
  const criteria = lmca4.CFItems.filter((item) => item.CFItemType !== 'Section');

  it('writes RFC 4122 version 5 UUIDs', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).to.equal('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    const identifiers = [lmca4.CFDocument.identifier, ...lmca4.CFItems.map((item) => item.identifier), ...lmca4.CFAssociations.map((a) => a.identifier)];
    for (const identifier of identifiers) expect(identifier).to.match(UUID_V5);
    expect(new Set(identifiers).size).to.equal(identifiers.length);
  });

  it('describes the standard in the CFDocument', () => {
    const document = lmca4.CFDocument;
    expect(document.title).to.equal(loadSeed('LMCA4').title);
    expect(document.creator).to.equal('Skills for Care and Development');
    expect(document.version).to.equal('1');
    expect(document.description).to.equal(loadSeed('LMCA4').overview);
    expect(document.statusStartDate).to.equal('2013-01-01');
    expect(document.adoptionStatus).to.equal('Adopted');
    expect(document.uri).to.equal(`https://portal.example/ims/case/v1p0/CFDocuments/${document.identifier}`);
    expect(document.CFPackageURI.uri).to.equal(`https://portal.example/ims/case/v1p0/CFPackages/${document.identifier}`);
  });

  it('codes each item like LMCA4.P24 with its text, type and position', () => {
    const p24 = criteria.find((item) => item.humanCodingScheme === 'LMCA4.P24');
    expect(p24?.fullStatement).to.equal(loadSeed('LMCA4').items[23]?.text);
    expect(p24?.CFItemType).to.equal('Performance criterion');
    expect(p24?.listEnumeration).to.equal('24');
    expect(criteria.find((item) => item.humanCodingScheme === 'LMCA4.K1')?.CFItemType).to.equal('Knowledge and understanding');
    expect(criteria).to.have.length(loadSeed('LMCA4').items.length);
    const incomplete = toCasePackage(loadSeed('ASTH325'), { baseUri }).CFItems.find((item) => item.humanCodingScheme === 'ASTH325.P2');
    expect(incomplete?.notes).to.match(/^Incomplete/);
  });

  it('gives every item exactly one isChildOf, to its section, and every section one to the document', () => {
    const sections = new Map(lmca4.CFItems.filter((item) => item.CFItemType === 'Section').map((item) => [item.identifier, item]));
    const parents = (identifier: string) =>
      lmca4.CFAssociations.filter((a) => a.associationType === 'isChildOf' && a.originNodeURI.identifier === identifier);
    for (const [index, item] of criteria.entries()) {
      const links = parents(item.identifier);
      expect(links, item.humanCodingScheme).to.have.length(1);
      expect(sections.get(links[0]!.destinationNodeURI.identifier)?.fullStatement).to.equal(loadSeed('LMCA4').items[index]?.section);
    }
    for (const section of sections.values()) {
      const links = parents(section.identifier);
      expect(links).to.have.length(1);
      expect(links[0]?.destinationNodeURI).to.deep.equal({
        title: lmca4.CFDocument.title,
        identifier: lmca4.CFDocument.identifier,
        uri: lmca4.CFDocument.uri,
      });
    }
    expect(sections.size).to.equal(16);
  });

  it('is deterministic: identical output every time, identifiers independent of the base URI', () => {
    expect(toCaseJson(loadSeed('LMCA4'), { baseUri })).to.equal(toCaseJson(loadSeed('LMCA4'), { baseUri }));
    expect(toCaseZip(seeds(), { baseUri })).to.deep.equal(toCaseZip(seeds(), { baseUri }));
    const elsewhere = toCasePackage(loadSeed('LMCA4'), { baseUri: 'https://other.example/case' });
    expect(elsewhere.CFItems.map((item) => item.identifier)).to.deep.equal(lmca4.CFItems.map((item) => item.identifier));
    const nextVersion = toCasePackage({ ...loadSeed('LMCA4'), version: '2' }, { baseUri });
    expect(nextVersion.CFDocument.identifier).to.not.equal(lmca4.CFDocument.identifier);
  });

  it('round-trips items and metadata of the three seed standards', () => {
    const back = fromCaseZip(toCaseZip(seeds(), { baseUri }));
    expectSameItems(back, seeds());
    expect(back).to.deep.equal(seeds().map(withoutNotes));
    expect(fromCaseJson(toCaseJson(loadSeed('HSC3331'), { baseUri }))).to.deep.equal([withoutNotes(loadSeed('HSC3331'))]);
  });

  it('keeps commas, quotes, newlines, recurring sections and non-ASCII text exactly', () => {
    const json = JSON.stringify(toCasePackage(awkwardStandard(), { baseUri }));
    expect(fromCasePackage(JSON.parse(json))).to.deep.equal(withoutNotes(awkwardStandard()));
  });

  it('rebuilds order from sequence numbers and sections from parents when reading a shuffled foreign package', () => {
    const foreign = JSON.parse(JSON.stringify(lmca4)) as CasePackage;
    delete (foreign.CFDocument as Partial<CasePackage['CFDocument']>).notes;
    for (const item of foreign.CFItems) delete (item as Partial<typeof item>).listEnumeration;
    foreign.CFItems.reverse();
    foreign.CFAssociations.reverse();
    const standard = fromCasePackage(foreign);
    expect(standard.items).to.deep.equal(loadSeed('LMCA4').items);
    expect(standard.urn).to.equal('LMCA4');
    expect(standard.developedBy).to.equal('Skills for Care and Development');
    expect(standard.dateApproved).to.equal('2013-01-01');
    expect(standard.validity).to.equal('Current');
    expect(standard.suite).to.equal(null);
  });

  it('refuses malformed JSON, a package without CFItems, and a gap in the codes', () => {
    expect(caught(() => fromCaseJson('{"CFDocument": {'))).to.be.instanceOf(StandardFormatError);
    const noItems = caught(() => fromCasePackage({ CFDocument: lmca4.CFDocument }));
    expect(noItems).to.be.instanceOf(StandardFormatError);
    expect(noItems.message).to.contain('CFItems: Required');
    const gap = { ...lmca4, CFItems: lmca4.CFItems.filter((item) => item.humanCodingScheme !== 'LMCA4.P24') };
    const error = caught(() => fromCasePackage(gap));
    expect(error).to.be.instanceOf(StandardFormatError);
    expect(error.message).to.contain('Standard LMCA4 is not a valid standard: items: item 24 is P25 but P24 was expected');
  });

  it('exports several standards as a ZIP holding one CFPackage per standard, named by URN, never a JSON array', () => {
    const one = exportStandards([loadSeed('LMCA4')], 'case-json', { baseUri });
    expect(one.fileExtension).to.equal('json');
    expect(JSON.parse(one.body as string)).to.have.keys('CFDocument', 'CFItems', 'CFAssociations');
    const several = exportStandards(seeds(), 'case-json', { baseUri });
    expect(several.fileExtension).to.equal('zip');
    expect(several.contentType).to.equal('application/zip');
    const files = unzipSync(several.body as Uint8Array);
    expect(Object.keys(files).sort()).to.deep.equal(['ASTH325.json', 'HSC3331.json', 'LMCA4.json']);
    for (const [name, bytes] of Object.entries(files)) {
      const json = JSON.parse(strFromU8(bytes)) as CasePackage;
      expect(Array.isArray(json)).to.equal(false);
      expect(json.CFItems.some((item) => item.humanCodingScheme?.startsWith(`${name.replace(/\.json$/, '')}.`))).to.equal(true);
    }
  });

  it('makes identifiers unique to the publishing organisation and stable for it', () => {
    const ours = toCasePackage(loadSeed('LMCA4'), { baseUri, organisationKey: 'organisation:1' });
    const again = toCasePackage(loadSeed('LMCA4'), { baseUri: 'https://elsewhere.example/ims/case/v1p0', organisationKey: 'organisation:1' });
    const theirs = toCasePackage(loadSeed('LMCA4'), { baseUri, organisationKey: 'organisation:2' });
    expect(again.CFItems.map((item) => item.identifier)).to.deep.equal(ours.CFItems.map((item) => item.identifier));
    expect(theirs.CFDocument.identifier).to.not.equal(ours.CFDocument.identifier);
    expect(theirs.CFItems[0]!.identifier).to.not.equal(ours.CFItems[0]!.identifier);
    for (const item of ours.CFItems) expect(item.uri).to.equal(`https://portal.example/ims/case/v1p0/CFItems/${item.identifier}`);
    for (const association of ours.CFAssociations) expect(association.uri).to.equal(`https://portal.example/ims/case/v1p0/CFAssociations/${association.identifier}`);
  });

  it('reads a package inside a {"CFPackage": …} wrapper, and sequence numbers written as strings', () => {
    const foreign = JSON.parse(JSON.stringify(lmca4)) as CasePackage;
    for (const item of foreign.CFItems) delete (item as Partial<typeof item>).listEnumeration;
    foreign.CFItems.reverse();
    for (const association of foreign.CFAssociations) (association as unknown as { sequenceNumber: string }).sequenceNumber = String(association.sequenceNumber);
    const [standard] = fromCaseJson(JSON.stringify({ CFPackage: foreign }));
    expect(standard!.items).to.deep.equal(loadSeed('LMCA4').items);
    const bad = JSON.parse(JSON.stringify(lmca4)) as CasePackage;
    (bad.CFAssociations[0] as unknown as { sequenceNumber: string }).sequenceNumber = 'first';
    expect(caught(() => fromCasePackage(bad)).message).to.contain('CFAssociations[0].sequenceNumber');
  });
});
