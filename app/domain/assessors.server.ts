// Which assessors assess a worker: admins set them; assessors then see that worker's evidence.
import { Op } from 'sequelize';
import { ValidationError } from '#app/utils/errors.server.ts';
import { assertCan, assertSameOrganisation, type Actor } from '#app/utils/permissions.server.ts';
import type { DomainContext } from '#app/utils/request-context.server.ts';
import { Person, PersonRole, WorkerAssessor } from '#db/models/index.ts';
import { AUDIT_ACTIONS } from './audit.server.ts';
import { locked, write } from './write.server.ts';

export async function assessorOptions(actor: Actor, workerId: number) {
  assertCan(actor, 'manage:assessors:org');
  const [assessors, current] = await Promise.all([
    Person.findAll({
      where: { organisationId: actor.organisationId, deactivatedAt: null, id: { [Op.ne]: workerId } },
      include: [{ model: PersonRole, as: 'roles', where: { role: 'assessor' }, attributes: [] }],
      attributes: ['id', 'name'],
      order: [['name', 'ASC']],
    }),
    WorkerAssessor.findAll({ where: { workerId, organisationId: actor.organisationId }, attributes: ['assessorId'] }),
  ]);
  return {
    options: assessors.map((person) => ({ value: String(person.id), label: person.name })),
    selected: current.map((row) => String(row.assessorId)),
  };
}

/** Replaces the worker's assessors; nobody assesses their own evidence. */
export async function setWorkerAssessors(ctx: DomainContext, workerId: number, assessorIds: number[]) {
  const { actor } = ctx;
  assertCan(actor, 'manage:assessors:org');
  await write(ctx, {
    permission: 'manage:assessors:org',
    load: async (transaction) => {
      const worker = assertSameOrganisation(actor, await Person.findByPk(workerId, locked(transaction)), 'Person');
      const valid = await Person.findAll({
        where: { id: { [Op.in]: assessorIds }, organisationId: actor.organisationId, deactivatedAt: null },
        include: [{ model: PersonRole, as: 'roles', where: { role: 'assessor' }, attributes: [] }],
        attributes: ['id', 'name'],
        transaction,
      });
      return { worker, valid };
    },
    check: ({ worker, valid }) => {
      if (assessorIds.includes(worker.id)) throw new ValidationError({ assessorIds: ['Nobody can assess their own evidence'] });
      if (valid.length !== new Set(assessorIds).size) throw new ValidationError({ assessorIds: ['Select assessors from the list'] });
    },
    run: async ({ worker, valid }, transaction) => {
      await WorkerAssessor.destroy({ where: { workerId: worker.id }, transaction });
      await WorkerAssessor.bulkCreate(
        valid.map((assessor) => ({ organisationId: actor.organisationId, workerId: worker.id, assessorId: assessor.id })),
        { transaction },
      );
    },
    audit: ({ worker, valid }) => ({
      action: AUDIT_ACTIONS.assessorsChanged,
      summary: `${actor.name} set the assessors of ${worker.name}: ${valid.map((assessor) => assessor.name).join(', ') || 'none'}`,
      subject: { type: 'person', id: worker.id },
    }),
  });
}

/** The workers an assessor assesses, for their home page and queue. No check: the actor's own assignments, empty for anyone who assesses nobody. */
export async function workersAssessedBy(actor: Actor) {
  const rows = await WorkerAssessor.findAll({
    where: { assessorId: actor.id, organisationId: actor.organisationId },
    include: [{ model: Person, as: 'worker', attributes: ['id', 'name'], where: { deactivatedAt: null } }],
  });
  return rows.map((row) => row.get('worker') as Person).map((person) => ({ id: person.id, name: person.name }));
}
