// The statements behind a portfolio (portfolio-data.server.ts), each reading one part for one worker: whatever the
// worker's evidence, none is run per row. Drafts are excluded in the SQL itself.
import { EVIDENCE_STATUS } from '../evidence-types.ts';
import { AGREEMENT_STATUS } from '../supervision/statuses.ts';

export const WORKER_SQL = `
SELECT p.id, p.name, p.email, p.job_title AS "jobTitle", t.name AS "teamName", l.name AS "locationName", o.name AS "organisationName"
FROM people p
JOIN organisations o ON o.id = p.organisation_id
LEFT JOIN teams t ON t.id = p.team_id
LEFT JOIN locations l ON l.id = t.location_id
WHERE p.id = :workerId`;

export const ROLES_SQL = `
SELECT r.name, a.started_on AS "startedOn", a.target_date AS "targetDate"
FROM role_assignments a JOIN role_profiles r ON r.id = a.role_profile_id
WHERE a.person_id = :workerId AND a.ended_on IS NULL
ORDER BY a.started_on, a.id`;

export const DECISIONS_SQL = `
SELECT d.id, d.outcome, d.method, d.feedback, d.created_at AS "decidedAt", d.countersign_required AS "countersignRequired",
       a.name AS "assessorName", r.outcome AS "reviewOutcome", r.created_at AS "reviewedAt", q.name AS "iqaName"
FROM assessment_decisions d
JOIN people a ON a.id = d.assessor_id
LEFT JOIN iqa_reviews r ON r.decision_id = d.id
LEFT JOIN people q ON q.id = r.iqa_id
WHERE d.id IN (:decisionIds)`;

export const DECISION_EVIDENCE_SQL = `
SELECT decision_id AS "decisionId", evidence_id AS "evidenceId" FROM assessment_decision_evidence
WHERE decision_id IN (:decisionIds) ORDER BY decision_id, evidence_id`;

// Submitted evidence only (a draft is the worker's unsent letter), at its current revision, oldest activity first.
export const EVIDENCE_SQL = `
SELECT e.id, e.status, r.id AS "revisionId", r.revision_number AS "revisionNumber", r.type, r.title, r.activity_date AS "activityDate",
       r.description, r.witness_name AS "witnessName", r.witness_role AS "witnessRole", r.witness_statement AS "witnessStatement",
       r.submitted_at AS "submittedAt", rb.name AS "recordedByName"
FROM evidence e
JOIN evidence_revisions r ON r.id = e.current_revision_id
LEFT JOIN people rb ON rb.id = e.recorded_by_id
WHERE e.worker_id = :workerId AND e.status <> '${EVIDENCE_STATUS.draft}'
ORDER BY r.activity_date, e.id`;

export const LINKS_SQL = `
SELECT e.id AS "evidenceId", l.standard_item_id AS "itemId", l.note
FROM evidence e JOIN evidence_item_links l ON l.evidence_revision_id = e.current_revision_id
WHERE e.worker_id = :workerId AND e.status <> '${EVIDENCE_STATUS.draft}'
ORDER BY e.id, l.id`;

export const FILES_SQL = `
SELECT e.id AS "evidenceId", f.id, f.original_name AS "name", f.stored_name AS "storedName", f.media_type AS "mediaType",
       f.size_bytes AS "sizeBytes", f.sha256
FROM evidence e JOIN evidence_files f ON f.evidence_revision_id = e.current_revision_id
WHERE e.worker_id = :workerId AND e.status <> '${EVIDENCE_STATUS.draft}'
ORDER BY e.id, f.id`;

export const PREVIOUS_SQL = `SELECT id, previous_item_id AS "previousItemId" FROM standard_items WHERE id IN (:ids)`;

export const AGREEMENT_SQL = `
SELECT a.id, a.version, s.name AS "supervisorName", a.frequency_weeks AS "frequencyWeeks", a.duration_minutes AS "durationMinutes",
       a.starts_on AS "startsOn", a.review_on AS "reviewOn", a.agree_within_days AS "agreeWithinDays",
       g.party, g.signed_name AS "signedName", g.signed_at AS "signedAt"
FROM supervision_agreements a
JOIN people s ON s.id = a.supervisor_id
LEFT JOIN supervision_signatures g ON g.agreement_id = a.id
WHERE a.worker_id = :workerId AND a.status = '${AGREEMENT_STATUS.active}'
ORDER BY a.version DESC, g.party`;

export const SESSIONS_SQL = `
SELECT status, type, COUNT(*) AS "count", MIN(starts_at) AS "first", MAX(starts_at) AS "last",
       SUM(CASE WHEN starts_at >= :since THEN 1 ELSE 0 END) AS "sinceAgreement"
FROM supervision_sessions WHERE worker_id = :workerId
GROUP BY status, type ORDER BY status, type`;

export const ACTIONS_SQL = `
SELECT status, COUNT(*) AS "count", SUM(CASE WHEN due_on < :today THEN 1 ELSE 0 END) AS "overdue"
FROM supervision_actions WHERE worker_id = :workerId GROUP BY status`;

export const PLAN_SQL = `SELECT id, strengths, updated_at AS "updatedAt" FROM development_plans WHERE worker_id = :workerId`;

export const GOALS_SQL = `
SELECT g.id, g.description, g.target_date AS "targetDate", g.status, COALESCE(s.urn, si.urn) AS urn, g.section, i.code AS "itemCode"
FROM development_plans p
JOIN development_goals g ON g.plan_id = p.id
LEFT JOIN standards s ON s.id = g.standard_id
LEFT JOIN standard_items i ON i.id = g.standard_item_id
LEFT JOIN standard_versions iv ON iv.id = i.standard_version_id
LEFT JOIN standards si ON si.id = iv.standard_id
WHERE p.worker_id = :workerId ORDER BY g.id`;

export const OPPORTUNITIES_SQL = `
SELECT o.kind, o.description, o.target_date AS "targetDate", o.status, o.outcome, o.completed_on AS "completedOn", o.goal_id AS "goalId"
FROM development_plans p JOIN development_opportunities o ON o.plan_id = p.id
WHERE p.worker_id = :workerId ORDER BY o.target_date, o.id`;

export const AGREED_VERSION_SQL = `
SELECT v.version_number AS "versionNumber", v.worker_agreed_at AS "workerAgreedAt", v.supervisor_agreed_at AS "supervisorAgreedAt",
       s.name AS "supervisorName"
FROM development_plans p
JOIN development_plan_versions v ON v.plan_id = p.id
LEFT JOIN people s ON s.id = v.supervisor_id
WHERE p.worker_id = :workerId AND v.worker_agreed_at IS NOT NULL AND v.supervisor_agreed_at IS NOT NULL
ORDER BY v.version_number DESC`;

// Every policy version the worker acknowledged, and each current version whether or not they have.
export const POLICIES_SQL = `
SELECT p.title, v.version, v.is_current AS "isCurrent", v.next_review_on AS "nextReviewOn", a.created_at AS "acknowledgedAt"
FROM policy_versions v
JOIN policies p ON p.id = v.policy_id
LEFT JOIN policy_acknowledgements a ON a.policy_version_id = v.id AND a.person_id = :workerId
WHERE v.organisation_id = :organisationId AND (v.is_current = :yes OR a.id IS NOT NULL)
ORDER BY p.title, v.adopted_on, v.id`;
