import { POLICY_POINTS, PERSONAL_USE_RULES, type PolicyDraft } from '../domain/policy-points';
import { ownLabel } from '../domain/own-keys';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export interface PolicyDocument {
  departmentName: string;
  number: number;
  status: string;
  facts: Array<[string, string]>;
  draft: PolicyDraft;
}

/** A department policy as a standalone, printable HTML page for the department's records (POL-1). */
export function renderPolicyHtml(d: PolicyDocument): string {
  const points = POLICY_POINTS.map((p) => `<h2>${p.n}. ${esc(p.title)}</h2>\n<p>${esc(d.draft[p.id] ?? '').replace(/\n/g, '<br>')}</p>`).join('\n');
  const personal = d.draft.personalUse ? ownLabel(PERSONAL_USE_RULES, d.draft.personalUse) : 'Not stated';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(d.departmentName)} social media policy, version ${d.number}</title>
<style>body{font-family:Georgia,serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}h1{font-size:1.6rem}h2{font-size:1.1rem;margin-top:1.5rem}dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:bold}@media print{body{margin:0}}</style></head>
<body>
<p>City of Madison</p>
<h1>${esc(d.departmentName)}: social media policy, version ${d.number}</h1>
<p><strong>${esc(d.status)}</strong></p>
<dl>${d.facts.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>
<p>This policy addresses the twelve considerations of the City's APM on Social Media and Department Websites.</p>
${points}
<h2>Personal use while on duty</h2>
<p>${esc(personal)}${d.draft.personalUseDetail ? `: ${esc(d.draft.personalUseDetail)}` : ''}</p>
</body></html>`;
}
