// The standards library on the real database: import, versions with carry-over, browse, search, isolation.
import { expect } from 'chai';
import {
  exportableStandard,
  getStandard,
  listStandards,
  previewStandardImport,
  saveStandardVersions,
  searchItems,
} from '#app/domain/standards.server.ts';
import { Forbidden, NotFound, ValidationError } from '#app/utils/errors.server.ts';
import { contextFor } from '#app/utils/request-context.server.ts';
import { StandardItem, StandardVersion } from '#db/models/index.ts';
import { loadSeedStandard } from '#db/seed/standards.ts';
import { createEvidence, createStaffedOrganisation, giveStandard } from '#test/factories/index.ts';
import { expectRejection } from '#test/support/rejections.ts';

const options = {};

describe('standards library', () => {
  it('imports the three seed standards with every item, in order, in one go', async () => {
    const { admin, worker } = await createStaffedOrganisation();
    const seeds = [loadSeedStandard('ASTH325'), loadSeedStandard('HSC3331'), loadSeedStandard('LMCA4')];
    await saveStandardVersions(contextFor(admin), seeds, options);
    const listed = await listStandards(worker);
    expect(listed.map((row) => [row.urn, row.performanceCriteria, row.knowledgeItems]).sort()).to.deep.equal([
      ['ASTH325', 12, 19],
      ['HSC3331', 24, 46],
      ['LMCA4', 46, 99],
    ]);
    const lmca4 = await getStandard(worker, 'LMCA4');
    expect(lmca4.items.map((item) => item.code)).to.deep.equal(seeds[2]!.items.map((item) => item.code));
    expect(lmca4.items.find((item) => item.code === 'P24')?.text).to.equal(seeds[2]!.items.find((item) => item.code === 'P24')?.text);
    const asth = await getStandard(worker, 'ASTH325');
    expect(asth.items.find((item) => item.code === 'P2')?.incomplete).to.equal(true);
  });

  it('refuses a duplicate URN and version, and saves nothing of a batch that contains one', async () => {
    const { admin } = await createStaffedOrganisation();
    await saveStandardVersions(contextFor(admin), [loadSeedStandard('ASTH325')], options);
    const error = await expectRejection(saveStandardVersions(contextFor(admin), [loadSeedStandard('HSC3331'), loadSeedStandard('ASTH325')], options), ValidationError);
    expect(error).to.be.instanceOf(ValidationError);
    expect((error as ValidationError).message).to.contain('ASTH325 version 2 is already in the library');
    expect((await listStandards(admin)).map((row) => row.urn)).to.deep.equal(['ASTH325']);
    expect((await previewStandardImport(admin, loadSeedStandard('ASTH325'))).duplicate).to.equal(true);
  });

  it('says evidence stays with the current version only when there is some', async () => {
    const { admin, worker } = await createStaffedOrganisation();
    const { items } = await giveStandard(admin, 'ASTH325', [worker]);
    const next = { ...loadSeedStandard('ASTH325'), version: '3' };
    expect((await previewStandardImport(admin, next)).hasEvidence).to.equal(false);
    await createEvidence(worker, [items[0]!]);
    expect((await previewStandardImport(admin, next)).hasEvidence).to.equal(true);
  });

  it('a new version becomes current, shows what changed, carries unchanged items and keeps the old one readable', async () => {
    const { admin, worker } = await createStaffedOrganisation();
    const original = loadSeedStandard('ASTH325');
    await saveStandardVersions(contextFor(admin), [original], options);
    const oldVersion = await getStandard(admin, 'ASTH325');
    const revised = {
      ...original,
      version: '3',
      items: original.items.map((item) =>
        item.code === 'P2'
          ? { code: 'P2', kind: 'P' as const, section: item.section, text: 'take the necessary action promptly in situations which require immediate attention' }
          : item,
      ),
    };
    const preview = await previewStandardImport(admin, revised);
    expect(preview.currentVersion).to.equal('2');
    expect(preview.changes?.filter((change) => change.change !== 'unchanged')).to.deep.equal([
      { code: 'P2', change: 'changed', text: revised.items[1]!.text, previousText: original.items[1]!.text },
    ]);
    await saveStandardVersions(contextFor(admin), [revised], options);

    const current = await getStandard(worker, 'ASTH325');
    expect(current.version).to.equal('3');
    expect(current.versions.map((row) => [row.version, row.isCurrent])).to.deep.equal([
      ['2', false],
      ['3', true],
    ]);
    const p2 = current.items.find((item) => item.code === 'P2')!;
    expect(p2).to.include({ carriedOver: false, incomplete: false });
    expect(current.items.filter((item) => item.carriedOver)).to.have.length(30);
    const carried = await StandardItem.findByPk(current.items.find((item) => item.code === 'P1')!.id);
    expect(carried?.previousItemId).to.equal(oldVersion.items.find((item) => item.code === 'P1')!.id);

    const old = await getStandard(worker, 'ASTH325', '2');
    expect(old.isCurrent).to.equal(false);
    expect(old.items.find((item) => item.code === 'P2')?.text).to.equal(original.items[1]!.text);
    expect(old.items.map((item) => item.id)).to.deep.equal(oldVersion.items.map((item) => item.id));
  });

  it('exports what it imported, with metadata', async () => {
    const { admin } = await createStaffedOrganisation();
    const seed = loadSeedStandard('HSC3331');
    await saveStandardVersions(contextFor(admin), [seed], options);
    expect(await exportableStandard(admin, 'HSC3331')).to.deep.equal(seed);
  });

  it('searches items of current versions by every word, in their text, section or standard title', async () => {
    const { admin, worker } = await createStaffedOrganisation();
    await saveStandardVersions(contextFor(admin), [loadSeedStandard('LMCA4'), loadSeedStandard('ASTH325')], options);
    const results = await searchItems(worker, 'supervision agreement');
    expect(results.length).to.be.greaterThan(0);
    for (const result of results) expect(`${result.title} ${result.section} ${result.text}`.toLowerCase()).to.contain('supervision').and.to.contain('agreement');
    expect(results.map((result) => result.urn)).to.include('LMCA4');
    expect(await searchItems(worker, '100%_\\')).to.deep.equal([]);
  });

  it('finds items whatever the hyphenation and case, those whose headings match first', async () => {
    const { admin, worker } = await createStaffedOrganisation();
    await saveStandardVersions(contextFor(admin), [loadSeedStandard('LMCA4'), loadSeedStandard('HSC3331'), loadSeedStandard('ASTH325')], options);
    const held = { HSC3331: loadSeedStandard('HSC3331'), LMCA4: loadSeedStandard('LMCA4') };
    const safeGuarding = (urn: 'HSC3331' | 'LMCA4') => held[urn].items.filter((item) => item.section === 'Safe-guarding').map((item) => `${urn} ${item.code}`);
    const expected = [...safeGuarding('HSC3331'), ...safeGuarding('LMCA4')].sort();
    expect(expected.length).to.be.greaterThan(0);
    for (const query of ['safeguarding', 'SAFE-GUARDING', 'Safe guarding', 'safe‐guarding']) {
      const results = await searchItems(worker, query);
      const headed = results.filter((result) => result.section === 'Safe-guarding');
      expect(headed.map((result) => `${result.urn} ${result.code}`).sort(), query).to.deep.equal(expected);
      // Every item under the heading comes before any item that only mentions the word in its text.
      expect(results.slice(0, headed.length).every((result) => result.section === 'Safe-guarding'), query).to.equal(true);
    }
    // Text matches still count: HSC3331 P-item "safeguard the individual" has no such heading.
    expect((await searchItems(worker, 'safeguard')).some((result) => result.section !== 'Safe-guarding' && /safeguard/i.test(result.text))).to.equal(true);
    expect(await searchItems(worker, "o'brien !%_")).to.deep.equal([]);
  });

  it('only admins import; another organisation sees nothing of it', async () => {
    const one = await createStaffedOrganisation();
    const other = await createStaffedOrganisation();
    await expectRejection(saveStandardVersions(contextFor(one.manager), [loadSeedStandard('ASTH325')], options), Forbidden);
    await saveStandardVersions(contextFor(one.admin), [loadSeedStandard('ASTH325')], options);
    expect(await listStandards(other.worker)).to.deep.equal([]);
    await expectRejection(getStandard(other.admin, 'ASTH325'), NotFound);
    expect(await searchItems(other.worker, 'customer')).to.deep.equal([]);
    expect(await StandardVersion.count({ where: { organisationId: other.organisation.id } })).to.equal(0);
  });

  it('rejects a schema-invalid standard with a clear message', async () => {
    const { admin } = await createStaffedOrganisation();
    const broken = { ...loadSeedStandard('ASTH325'), urn: 'BROKEN1' };
    broken.items = broken.items.filter((item) => item.code !== 'P3');
    const error = await expectRejection(saveStandardVersions(contextFor(admin), [broken], options), ValidationError);
    expect(error).to.be.instanceOf(ValidationError);
    expect((error as ValidationError).message).to.match(/BROKEN1 is not valid: items .*P3 was expected/);
  });
});
