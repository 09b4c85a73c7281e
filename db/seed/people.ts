// The demo organisation's structure and people, in realistic and varied states.
import type { Role } from '#app/domain/roles.ts';

export const DEMO_PASSWORD = 'care-portfolio-demo';

export const DEMO_ORGANISATION = { name: 'Riverside Independent Living', slug: 'riverside' };

export const DEMO_LOCATIONS = [
  { key: 'riverside-house', name: 'Riverside House', address: '12 Mill Lane, Northbrook NB1 4QT' },
  { key: 'millbrook', name: 'Millbrook Community Hub', address: '3 Station Road, Millbrook NB7 2HS' },
] as const;

// `partOf`: the team it is within (the evening line is part of customer contact, and its manager manages both).
export const DEMO_TEAMS = [
  { key: 'contact', name: 'Adult Services Customer Contact', location: 'riverside-house' },
  { key: 'evenings', name: 'Evening line', location: 'riverside-house', partOf: 'contact' },
  { key: 'community', name: 'Community Support', location: 'millbrook' },
] as const;

export type DemoPerson = {
  key: string;
  name: string;
  email: string;
  jobTitle: string;
  team: (typeof DEMO_TEAMS)[number]['key'] | null;
  supervisor: string | null;
  roles: Role[];
  deactivated?: boolean;
  /** People without a password yet need a reset link from the admin. */
  noPassword?: boolean;
  /** What the manager manages: team keys or location keys. */
  manages?: { teams?: string[]; locations?: string[] };
  loginFor?: Role;
};

export const DEMO_PEOPLE: DemoPerson[] = [
  { key: 'amira', name: 'Amira Khan', email: 'amira.khan@riverside.example.org', jobTitle: 'Workforce Systems Officer', team: null, supervisor: null, roles: ['admin'], loginFor: 'admin' },
  { key: 'grace', name: 'Grace Okafor', email: 'grace.okafor@riverside.example.org', jobTitle: 'Registered Manager', team: 'contact', supervisor: null, roles: ['manager', 'supervisor', 'worker'], manages: { locations: ['riverside-house'], teams: ['community'] }, loginFor: 'manager' },
  { key: 'david', name: 'David Price', email: 'david.price@riverside.example.org', jobTitle: 'Team Leader, Customer Contact', team: 'contact', supervisor: 'grace', roles: ['supervisor', 'worker'], loginFor: 'supervisor' },
  { key: 'priya', name: 'Priya Shah', email: 'priya.shah@riverside.example.org', jobTitle: 'Workplace Assessor', team: null, supervisor: 'grace', roles: ['assessor'], loginFor: 'assessor' },
  { key: 'ellie', name: 'Ellie Morgan', email: 'ellie.morgan@riverside.example.org', jobTitle: 'Trainee Workplace Assessor', team: null, supervisor: 'grace', roles: ['assessor'] },
  { key: 'tom', name: 'Tom Hughes', email: 'tom.hughes@riverside.example.org', jobTitle: 'Quality Lead', team: null, supervisor: 'grace', roles: ['iqa', 'assessor'], loginFor: 'iqa' },
  { key: 'sarah', name: 'Sarah Jones', email: 'sarah.jones@riverside.example.org', jobTitle: 'Adult Services Customer Contact Worker', team: 'contact', supervisor: 'david', roles: ['worker'], loginFor: 'worker' },
  { key: 'liam', name: 'Liam O’Brien', email: 'liam.obrien@riverside.example.org', jobTitle: 'Adult Services Customer Contact Worker (probation)', team: 'contact', supervisor: 'david', roles: ['worker'] },
  { key: 'chloe', name: 'Chloe Evans', email: 'chloe.evans@riverside.example.org', jobTitle: 'Community Support Worker', team: 'community', supervisor: 'grace', roles: ['worker'] },
  { key: 'hannah', name: 'Hannah Wright', email: 'hannah.wright@riverside.example.org', jobTitle: 'Volunteer Befriender', team: 'community', supervisor: null, roles: ['worker'], noPassword: true },
  { key: 'mo', name: 'Mohammed Ali', email: 'mohammed.ali@riverside.example.org', jobTitle: 'Community Support Worker', team: 'community', supervisor: 'grace', roles: ['worker'], deactivated: true },
  // The rest of the two teams (issue 15): Riverside House's contact line under David, Millbrook's community team under Kwame.
  { key: 'amelia', name: 'Amelia Brooks', email: 'amelia.brooks@riverside.example.org', jobTitle: 'Adult Services Customer Contact Worker', team: 'contact', supervisor: 'david', roles: ['worker'] },
  { key: 'josh', name: 'Joshua Reid', email: 'joshua.reid@riverside.example.org', jobTitle: 'Adult Services Customer Contact Worker', team: 'contact', supervisor: 'david', roles: ['worker'] },
  { key: 'fatima', name: 'Fatima Begum', email: 'fatima.begum@riverside.example.org', jobTitle: 'Adult Services Customer Contact Worker', team: 'contact', supervisor: 'david', roles: ['worker'] },
  { key: 'ben', name: 'Ben Carter', email: 'ben.carter@riverside.example.org', jobTitle: 'Adult Services Customer Contact Worker (evenings)', team: 'evenings', supervisor: 'david', roles: ['worker'] },
  { key: 'ruth', name: 'Ruth Adeyemi', email: 'ruth.adeyemi@riverside.example.org', jobTitle: 'Adult Services Customer Contact Worker', team: 'contact', supervisor: 'david', roles: ['worker'] },
  { key: 'kwame', name: 'Kwame Mensah', email: 'kwame.mensah@riverside.example.org', jobTitle: 'Senior Community Support Worker', team: 'community', supervisor: 'grace', roles: ['supervisor', 'worker'] },
  { key: 'zoe', name: 'Zoe Patel', email: 'zoe.patel@riverside.example.org', jobTitle: 'Community Support Worker', team: 'community', supervisor: 'kwame', roles: ['worker'] },
  { key: 'gareth', name: 'Gareth Lewis', email: 'gareth.lewis@riverside.example.org', jobTitle: 'Community Support Worker', team: 'community', supervisor: 'kwame', roles: ['worker'] },
  { key: 'niamh', name: 'Niamh Doyle', email: 'niamh.doyle@riverside.example.org', jobTitle: 'Community Support Worker', team: 'community', supervisor: 'kwame', roles: ['worker'] },
  { key: 'peter', name: 'Peter Nowak', email: 'peter.nowak@riverside.example.org', jobTitle: 'Community Support Worker (nights)', team: 'community', supervisor: 'kwame', roles: ['worker'] },
];
