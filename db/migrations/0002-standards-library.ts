// The standards library: standards, their versions and items; role profiles and their assignment; policies.
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
  await qi.createTable('standards', {
    id,
    organisation_id: reference('organisations'),
    urn: { type: DataTypes.STRING(40), allowNull: false },
    ...timestamps,
  });
  await qi.addIndex('standards', ['organisation_id', 'urn'], { unique: true, name: 'standards_org_urn' });

  // A published version of a standard; evidence and sign-offs point at items of one version.
  await qi.createTable('standard_versions', {
    id,
    organisation_id: reference('organisations'),
    standard_id: reference('standards'),
    version: { type: DataTypes.STRING(40), allowNull: false },
    title: { type: DataTypes.STRING(300), allowNull: false },
    overview: { type: DataTypes.TEXT, allowNull: true },
    details: { type: DataTypes.TEXT, allowNull: false },
    is_current: { type: DataTypes.BOOLEAN, allowNull: false },
    source_name: { type: DataTypes.STRING(255), allowNull: true },
    imported_by_id: reference('people', { allowNull: true }),
    ...timestamps,
  });
  await qi.addIndex('standard_versions', ['standard_id', 'version'], { unique: true, name: 'standard_versions_standard_version' });
  await qi.addIndex('standard_versions', ['organisation_id', 'is_current'], { name: 'standard_versions_org_current' });

  await qi.createTable('standard_items', {
    id,
    organisation_id: reference('organisations'),
    standard_version_id: reference('standard_versions', { onDelete: 'CASCADE' }),
    code: { type: DataTypes.STRING(10), allowNull: false },
    kind: { type: DataTypes.STRING(1), allowNull: false },
    section: { type: DataTypes.STRING(300), allowNull: false },
    text: { type: DataTypes.TEXT, allowNull: false },
    position: { type: DataTypes.INTEGER, allowNull: false },
    incomplete: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    // The same item in the previous version when its text is unchanged, so a worker's progress can carry over.
    previous_item_id: reference('standard_items', { allowNull: true, onDelete: 'SET NULL' }),
    ...timestamps,
  });
  await qi.addIndex('standard_items', ['standard_version_id', 'code'], { unique: true, name: 'standard_items_version_code' });
  await qi.addIndex('standard_items', ['organisation_id'], { name: 'standard_items_org' });
  await qi.addIndex('standard_items', ['previous_item_id'], { name: 'standard_items_previous' });

  await qi.createTable('role_profiles', {
    id,
    organisation_id: reference('organisations'),
    name: { type: DataTypes.STRING(200), allowNull: false },
    description: { type: DataTypes.TEXT, allowNull: true },
    supervision_frequency_weeks: { type: DataTypes.INTEGER, allowNull: false },
    probation_supervision_frequency_weeks: { type: DataTypes.INTEGER, allowNull: true },
    urgent_debrief_on_request: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    target_months: { type: DataTypes.INTEGER, allowNull: false },
    ...timestamps,
  });
  await qi.addIndex('role_profiles', ['organisation_id', 'name'], { unique: true, name: 'role_profiles_org_name' });

  await qi.createTable('role_profile_standards', {
    id,
    role_profile_id: reference('role_profiles', { onDelete: 'CASCADE' }),
    standard_id: reference('standards'),
    ...timestamps,
  });
  await qi.addIndex('role_profile_standards', ['role_profile_id', 'standard_id'], { unique: true, name: 'role_profile_standards_unique' });
  await qi.addIndex('role_profile_standards', ['standard_id'], { name: 'role_profile_standards_standard' });

  // A person holding a role profile over a period; ended assignments stay as history.
  await qi.createTable('role_assignments', {
    id,
    organisation_id: reference('organisations'),
    person_id: reference('people'),
    role_profile_id: reference('role_profiles'),
    started_on: { type: DataTypes.DATEONLY, allowNull: false },
    target_date: { type: DataTypes.DATEONLY, allowNull: false },
    ended_on: { type: DataTypes.DATEONLY, allowNull: true },
    assigned_by_id: reference('people'),
    ...timestamps,
  });
  await qi.addIndex('role_assignments', ['person_id', 'ended_on'], { name: 'role_assignments_person' });
  await qi.addIndex('role_assignments', ['role_profile_id'], { name: 'role_assignments_profile' });

  // The standards (at a version) that a person must achieve, and by when.
  await qi.createTable('person_standards', {
    id,
    organisation_id: reference('organisations'),
    person_id: reference('people'),
    standard_version_id: reference('standard_versions'),
    role_assignment_id: reference('role_assignments', { allowNull: true }),
    target_date: { type: DataTypes.DATEONLY, allowNull: false },
    ...timestamps,
  });
  await qi.addIndex('person_standards', ['person_id', 'standard_version_id'], { unique: true, name: 'person_standards_unique' });
  await qi.addIndex('person_standards', ['standard_version_id'], { name: 'person_standards_version' });

  await qi.createTable('policies', {
    id,
    organisation_id: reference('organisations'),
    title: { type: DataTypes.STRING(200), allowNull: false },
    ...timestamps,
  });
  await qi.addIndex('policies', ['organisation_id', 'title'], { unique: true, name: 'policies_org_title' });

  await qi.createTable('policy_versions', {
    id,
    organisation_id: reference('organisations'),
    policy_id: reference('policies'),
    version: { type: DataTypes.STRING(40), allowNull: false },
    adopted_on: { type: DataTypes.DATEONLY, allowNull: false },
    next_review_on: { type: DataTypes.DATEONLY, allowNull: false },
    body: { type: DataTypes.TEXT, allowNull: false },
    is_current: { type: DataTypes.BOOLEAN, allowNull: false },
    created_by_id: reference('people', { allowNull: true }),
    ...timestamps,
  });
  await qi.addIndex('policy_versions', ['policy_id', 'version'], { unique: true, name: 'policy_versions_policy_version' });
  await qi.addIndex('policy_versions', ['organisation_id', 'is_current'], { name: 'policy_versions_org_current' });

  await qi.createTable('policy_acknowledgements', {
    id,
    organisation_id: reference('organisations'),
    policy_version_id: reference('policy_versions'),
    person_id: reference('people'),
    created_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex('policy_acknowledgements', ['policy_version_id', 'person_id'], { unique: true, name: 'policy_acknowledgements_unique' });
  await qi.addIndex('policy_acknowledgements', ['person_id'], { name: 'policy_acknowledgements_person' });
}
