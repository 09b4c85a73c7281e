// Every model and its associations; import models from here.
import { AuditEvent } from './audit-event.ts';
import { Location } from './location.ts';
import { LoginAttempt } from './login-attempt.ts';
import { ManagerScope } from './manager-scope.ts';
import { Organisation } from './organisation.ts';
import { PasswordResetToken } from './password-reset-token.ts';
import { Person } from './person.ts';
import { PersonRole } from './person-role.ts';
import { Session } from './session.ts';
import { Team } from './team.ts';

Organisation.hasMany(Location, { foreignKey: 'organisationId', as: 'locations' });
Location.belongsTo(Organisation, { foreignKey: 'organisationId', as: 'organisation' });
Location.hasMany(Team, { foreignKey: 'locationId', as: 'teams' });
Team.belongsTo(Location, { foreignKey: 'locationId', as: 'location' });
Team.hasMany(Person, { foreignKey: 'teamId', as: 'members' });
Person.belongsTo(Team, { foreignKey: 'teamId', as: 'team' });
Person.belongsTo(Person, { foreignKey: 'lineSupervisorId', as: 'lineSupervisor' });
Person.hasMany(Person, { foreignKey: 'lineSupervisorId', as: 'supervisees' });
Person.belongsTo(Organisation, { foreignKey: 'organisationId', as: 'organisation' });
Person.hasMany(PersonRole, { foreignKey: 'personId', as: 'roles' });
PersonRole.belongsTo(Person, { foreignKey: 'personId', as: 'person' });
Person.hasMany(ManagerScope, { foreignKey: 'managerId', as: 'managerScopes' });
ManagerScope.belongsTo(Team, { foreignKey: 'teamId', as: 'team' });
ManagerScope.belongsTo(Location, { foreignKey: 'locationId', as: 'location' });
Session.belongsTo(Person, { foreignKey: 'personId', as: 'person' });
AuditEvent.belongsTo(Person, { foreignKey: 'actorId', as: 'actor' });

export { sequelize } from '../connection.ts';
export {
  AuditEvent,
  Location,
  LoginAttempt,
  ManagerScope,
  Organisation,
  PasswordResetToken,
  Person,
  PersonRole,
  Session,
  Team,
};
