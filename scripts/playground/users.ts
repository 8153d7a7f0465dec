/**
 * The City of Madison's demo people, tenant and team for the Agents Playground (`npm run playground`) and the
 * browser e2e tests. Every id here is made up but STABLE: the bot stores people by AAD object id, so changing one
 * orphans that person's data in an existing DATA_DIR.
 *
 * Playground limits that shape this file (see docs/playground.md):
 *  - the config takes exactly one `currentUser` plus exactly 5 `users`: these six people fill it exactly;
 *  - the team has the General channel plus at most ONE more channel, so only one of the extra channels below
 *    is shown at a time (PLAYGROUND_CHANNEL picks it).
 */

export type DemoRole =
  | 'admin'
  | 'it_reviewer'
  | 'it_director'
  | 'city_attorney'
  | 'mayors_office'
  | 'department_head'
  | 'spokesperson';

export interface DemoRoleGrant {
  role: DemoRole;
  /** Only for department roles (department_head, spokesperson): an id from prisma/departments.ts. */
  departmentId?: string;
}

export type DemoUserKey = 'pat' | 'dana' | 'ivy' | 'morgan' | 'sam' | 'chris';

export interface DemoUser {
  /** Short handle used by PLAYGROUND_USER. */
  key: DemoUserKey;
  /** Microsoft Entra (AAD) object id: what the bot keys people on (activity.from.aadObjectId). */
  aadObjectId: string;
  /** Bot Framework channel account id (activity.from.id); Teams ids start with "29:". */
  teamsUserId: string;
  name: string;
  givenName: string;
  surname: string;
  email: string;
  title: string;
  /** Home department (an id from prisma/departments.ts); informational, not a role. */
  homeDepartmentId: string;
  /** Roles this person is meant to hold in the demo (granted by an admin, or FIRST_ADMINS for Morgan). */
  demoRoles: DemoRoleGrant[];
}

/** Made-up Entra tenant id for the City in the Playground. */
export const PLAYGROUND_TENANT_ID = '121c9bd9-d0c7-44df-b79b-6c749daa6c37';

/** The bot as the Playground presents it (recipient.id of every activity; Teams bot ids start with "28:"). */
export const PLAYGROUND_BOT = {
  id: '28:d12dfe33-0978-4eea-ab98-1543cbbd47c7',
  name: 'Social Steward',
} as const;

function person(p: Omit<DemoUser, 'teamsUserId'>): DemoUser {
  return { ...p, teamsUserId: `29:${p.aadObjectId}` };
}

export const PAT: DemoUser = person({
  key: 'pat',
  aadObjectId: '19009057-9562-4b45-9658-f937d57a4e3e',
  name: 'Pat Parker',
  givenName: 'Pat',
  surname: 'Parker',
  email: 'pparker@cityofmadison.com',
  title: 'Community Outreach Coordinator, Parks Division',
  homeDepartmentId: 'parks',
  demoRoles: [],
});

export const DANA: DemoUser = person({
  key: 'dana',
  aadObjectId: 'a9f76e66-42e4-4ee8-a320-4fdb151b213c',
  name: 'Dana Reyes',
  givenName: 'Dana',
  surname: 'Reyes',
  email: 'dreyes@cityofmadison.com',
  title: 'Parks Division Director',
  homeDepartmentId: 'parks',
  demoRoles: [{ role: 'department_head', departmentId: 'parks' }],
});

export const IVY: DemoUser = person({
  key: 'ivy',
  aadObjectId: '3460f6c4-6708-4b4f-a1cd-549a93b1b4f5',
  name: 'Ivy Tran',
  givenName: 'Ivy',
  surname: 'Tran',
  email: 'itran@cityofmadison.com',
  title: 'IT Security Analyst',
  homeDepartmentId: 'it',
  demoRoles: [{ role: 'it_reviewer' }],
});

export const MORGAN: DemoUser = person({
  key: 'morgan',
  aadObjectId: '74720727-2f54-4098-948f-43a470941d64',
  name: 'Morgan Lee',
  givenName: 'Morgan',
  surname: 'Lee',
  email: 'mlee@cityofmadison.com',
  title: 'IT Director',
  homeDepartmentId: 'it',
  demoRoles: [{ role: 'admin' }, { role: 'it_director' }],
});

export const SAM: DemoUser = person({
  key: 'sam',
  aadObjectId: '1bab1586-5aed-47ae-b2a8-6e1b40aef39e',
  name: 'Sam Okafor',
  givenName: 'Sam',
  surname: 'Okafor',
  email: 'sokafor@cityofmadison.com',
  title: 'Assistant City Attorney',
  homeDepartmentId: 'attorney',
  demoRoles: [{ role: 'city_attorney' }],
});

export const CHRIS: DemoUser = person({
  key: 'chris',
  aadObjectId: 'b8f611d6-13fd-4a98-be8d-16ef0f8f1c28',
  name: 'Chris Avery',
  givenName: 'Chris',
  surname: 'Avery',
  email: 'cavery@cityofmadison.com',
  title: "Communications Director, Mayor's Office",
  homeDepartmentId: 'mayors-office',
  demoRoles: [{ role: 'mayors_office' }],
});

export const DEMO_USERS: Readonly<Record<DemoUserKey, DemoUser>> = {
  pat: PAT,
  dana: DANA,
  ivy: IVY,
  morgan: MORGAN,
  sam: SAM,
  chris: CHRIS,
};

/** In a fixed order (also the order of the Playground's member list). */
export const DEMO_USER_LIST: readonly DemoUser[] = [PAT, DANA, IVY, MORGAN, SAM, CHRIS];

export const DEMO_USER_KEYS = DEMO_USER_LIST.map((u) => u.key) as readonly DemoUserKey[];

/** Put in FIRST_ADMINS when the bot is started for the demo. */
export const FIRST_ADMIN: DemoUser = MORGAN;

/** Default current user of the Playground: the admin, so the admin features are visible. */
export const DEFAULT_PLAYGROUND_USER: DemoUserKey = 'morgan';

export function isDemoUserKey(s: string): s is DemoUserKey {
  return (DEMO_USER_KEYS as readonly string[]).includes(s);
}

export type DemoChannelKey = 'general' | 'it-review' | 'city-attorney' | 'mayors-office' | 'post-approval';

export interface DemoChannel {
  key: DemoChannelKey;
  /** Conversation id of the channel (Teams style). The General channel's id is the team id. */
  id: string;
  name: string;
  /** Which channel purpose (src/domain/channels.ts) an admin would bind it to in the demo. */
  purpose?: 'it_review' | 'city_attorney' | 'mayors_office' | 'it_director' | 'post_approval';
}

export interface DemoTeam {
  /** Team id = General channel conversation id (as in Teams). */
  id: string;
  name: string;
  aadGroupId: string;
  channels: readonly DemoChannel[];
}

const TEAM_ID = '19:city-social-media-general@thread.tacv2';

export const DEMO_TEAM: DemoTeam = {
  id: TEAM_ID,
  name: 'City Social Media',
  aadGroupId: '28ec71a6-e795-440a-b505-34a458fc83fc',
  channels: [
    { key: 'general', id: TEAM_ID, name: 'General' },
    { key: 'it-review', id: '19:city-social-media-it-review@thread.tacv2', name: 'IT review', purpose: 'it_review' },
    { key: 'city-attorney', id: '19:city-social-media-city-attorney@thread.tacv2', name: 'City Attorney', purpose: 'city_attorney' },
    { key: 'mayors-office', id: '19:city-social-media-mayors-office@thread.tacv2', name: "Mayor's Office", purpose: 'mayors_office' },
    { key: 'post-approval', id: '19:city-social-media-post-approval@thread.tacv2', name: 'Post approval', purpose: 'post_approval' },
  ],
};

/** The one extra (non-General) channel the Playground shows unless PLAYGROUND_CHANNEL says otherwise. */
export const DEFAULT_PLAYGROUND_CHANNEL: Exclude<DemoChannelKey, 'general'> = 'it-review';

/** The Playground's single group chat: the current user plus the 5 other demo people. */
export const DEMO_GROUP_CHAT = {
  id: '19:city-social-media-demo-group@thread.v2',
  name: 'Social Steward demo group',
} as const;

/** Stable personal-chat (1:1 with the bot) conversation id for a user, so stored conversation references survive restarts. */
export function personalChatId(user: DemoUser): string {
  return `a:playground-personal-${user.key}`;
}
