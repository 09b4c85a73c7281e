// Organisations, their locations and teams, people, roles, sessions, login throttling and the audit log.
import { DataTypes, type QueryInterface } from 'sequelize';

const id = { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true, allowNull: false };
const timestamps = {
  created_at: { type: DataTypes.DATE, allowNull: false },
  updated_at: { type: DataTypes.DATE, allowNull: false },
};
const reference = (table: string, options: { allowNull?: boolean; onDelete?: string } = {}) => ({
  type: DataTypes.INTEGER,
  allowNull: options.allowNull ?? false,
  references: { model: table, key: 'id' },
  onDelete: options.onDelete ?? 'RESTRICT',
});

export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('organisations', {
    id,
    name: { type: DataTypes.STRING(200), allowNull: false },
    slug: { type: DataTypes.STRING(100), allowNull: false, unique: true },
    ...timestamps,
  });

  await qi.createTable('locations', {
    id,
    organisation_id: reference('organisations'),
    name: { type: DataTypes.STRING(200), allowNull: false },
    address: { type: DataTypes.STRING(500), allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('locations', ['organisation_id', 'name'], { unique: true, name: 'locations_org_name' });

  await qi.createTable('teams', {
    id,
    organisation_id: reference('organisations'),
    location_id: reference('locations', { allowNull: true, onDelete: 'SET NULL' }),
    name: { type: DataTypes.STRING(200), allowNull: false },
    ...timestamps,
  });
  await qi.addIndex('teams', ['organisation_id', 'name'], { unique: true, name: 'teams_org_name' });
  await qi.addIndex('teams', ['location_id'], { name: 'teams_location' });

  await qi.createTable('people', {
    id,
    organisation_id: reference('organisations'),
    email: { type: DataTypes.STRING(254), allowNull: false, unique: true },
    name: { type: DataTypes.STRING(200), allowNull: false },
    job_title: { type: DataTypes.STRING(200), allowNull: true },
    password_hash: { type: DataTypes.STRING(255), allowNull: true },
    team_id: reference('teams', { allowNull: true, onDelete: 'SET NULL' }),
    line_supervisor_id: reference('people', { allowNull: true, onDelete: 'SET NULL' }),
    deactivated_at: { type: DataTypes.DATE, allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('people', ['organisation_id', 'name'], { name: 'people_org_name' });
  await qi.addIndex('people', ['team_id'], { name: 'people_team' });
  await qi.addIndex('people', ['line_supervisor_id'], { name: 'people_line_supervisor' });

  await qi.createTable('person_roles', {
    id,
    organisation_id: reference('organisations'),
    person_id: reference('people', { onDelete: 'CASCADE' }),
    role: { type: DataTypes.STRING(20), allowNull: false },
    ...timestamps,
  });
  await qi.addIndex('person_roles', ['person_id', 'role'], { unique: true, name: 'person_roles_person_role' });
  await qi.addIndex('person_roles', ['organisation_id', 'role'], { name: 'person_roles_org_role' });

  // A manager manages whole teams or whole locations (every team there).
  await qi.createTable('manager_scopes', {
    id,
    organisation_id: reference('organisations'),
    manager_id: reference('people', { onDelete: 'CASCADE' }),
    team_id: reference('teams', { allowNull: true, onDelete: 'CASCADE' }),
    location_id: reference('locations', { allowNull: true, onDelete: 'CASCADE' }),
    ...timestamps,
  });
  await qi.addIndex('manager_scopes', ['manager_id'], { name: 'manager_scopes_manager' });
  await qi.addIndex('manager_scopes', ['team_id'], { name: 'manager_scopes_team' });
  await qi.addIndex('manager_scopes', ['location_id'], { name: 'manager_scopes_location' });

  await qi.createTable('sessions', {
    id: { type: DataTypes.STRING(64), primaryKey: true, allowNull: false },
    person_id: reference('people', { onDelete: 'CASCADE' }),
    expires_at: { type: DataTypes.DATE, allowNull: false },
    ...timestamps,
  });
  await qi.addIndex('sessions', ['person_id'], { name: 'sessions_person' });

  await qi.createTable('login_attempts', {
    id,
    email: { type: DataTypes.STRING(254), allowNull: false },
    ip_address: { type: DataTypes.STRING(64), allowNull: false },
    succeeded: { type: DataTypes.BOOLEAN, allowNull: false },
    created_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex('login_attempts', ['email', 'created_at'], { name: 'login_attempts_email' });
  await qi.addIndex('login_attempts', ['ip_address', 'created_at'], { name: 'login_attempts_ip' });

  await qi.createTable('password_reset_tokens', {
    id,
    person_id: reference('people', { onDelete: 'CASCADE' }),
    token_hash: { type: DataTypes.STRING(64), allowNull: false, unique: true },
    created_by_id: reference('people'),
    expires_at: { type: DataTypes.DATE, allowNull: false },
    used_at: { type: DataTypes.DATE, allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('password_reset_tokens', ['person_id'], { name: 'password_reset_tokens_person' });

  await qi.createTable('audit_events', {
    id,
    organisation_id: reference('organisations', { allowNull: true }),
    actor_id: reference('people', { allowNull: true }),
    action: { type: DataTypes.STRING(64), allowNull: false },
    subject_type: { type: DataTypes.STRING(64), allowNull: true },
    subject_id: { type: DataTypes.INTEGER, allowNull: true },
    summary: { type: DataTypes.STRING(500), allowNull: false },
    ip_address: { type: DataTypes.STRING(64), allowNull: true },
    created_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex('audit_events', ['organisation_id', 'created_at'], { name: 'audit_events_org_time' });
  await qi.addIndex('audit_events', ['subject_type', 'subject_id'], { name: 'audit_events_subject' });
}
