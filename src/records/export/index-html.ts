import escapeHtml from 'escape-html';

export interface IndexSummary {
  title: string;
  generatedAt: string;
  generatedBy: string;
  search: string[];
  chain: string;
  kinds: Array<{ name: string; label: string; count: number }>;
}

const STYLE = `body{font-family:Georgia,serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.4;color:#1b1b1b}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:.2rem .4rem;text-align:left;vertical-align:top}
h2{margin-top:2rem;break-after:avoid}ol{padding-left:2.5rem}li{margin:.1rem 0}@media print{body{margin:0;max-width:none}}`;

/** The top of the printable index: what was searched, by whom, whether the audit chain verifies, what is inside. */
export function indexHead(s: IndexSummary): string {
  const rows = s.kinds.map((k) => `<tr><td>${escapeHtml(k.label)}</td><td>${k.count}</td><td>${escapeHtml(k.name)}.csv, ${escapeHtml(k.name)}.json</td></tr>`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(s.title)}</title><style>${STYLE}</style></head>
<body>
<p>City of Madison, Social Steward</p>
<h1>${escapeHtml(s.title)}</h1>
<p>Prepared ${escapeHtml(s.generatedAt)} for ${escapeHtml(s.generatedBy)}.</p>
<h2>Search</h2>
<ul>${s.search.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>
<h2>Audit trail</h2>
<p>${escapeHtml(s.chain)}</p>
<h2>Contents</h2>
<table><thead><tr><th>Records</th><th>How many</th><th>Files</th></tr></thead><tbody>
${rows}
</tbody></table>
<p>Each file's SHA-256 is in manifest.json; "npm run records -- verify" on this ZIP names any file that changed.</p>
`;
}

export const sectionStart = (label: string, count: number) => `<h2>${escapeHtml(label)} (${count})</h2>\n${count ? '<ol>' : '<p>None.</p>'}\n`;
export const sectionLines = (lines: string[]) => lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('\n') + (lines.length ? '\n' : '');
export const sectionEnd = (count: number) => (count ? '</ol>\n' : '');
export const indexFoot = () => '</body></html>\n';
