// A decision as the pages show it, shared by the server that reads it and the components that render it.

/** What a decision makes of its item now: its outcome, or why it does not count yet. */
export type DecisionStanding = 'met' | 'not_yet_met' | 'awaiting_countersign' | 'challenged';

export const DECISION_STANDING_LABELS: Record<DecisionStanding, string> = {
  met: 'Met',
  not_yet_met: 'Not yet met',
  awaiting_countersign: 'Met, awaiting countersign',
  challenged: 'Challenged by the IQA',
};

export type DecisionView = {
  id: number;
  itemId: number;
  outcome: 'met' | 'not_yet_met';
  method: string;
  feedback: string;
  at: string;
  assessorName: string;
  standing: DecisionStanding;
  answersChallenge: boolean;
  review: { outcome: 'agreed' | 'challenged'; note: string; iqaName: string; at: string } | null;
  basis: { evidenceId: number; title: string; revisionNumber: number }[];
};
