/**
 * The public pages' one stylesheet: system fonts, black on white (contrast well above WCAG AA's 4.5:1), a visible
 * focus ring, text that reflows at 360 px, and a print style that shows where each link goes.
 */
export const PUBLIC_CSS = `
*, *::before, *::after { box-sizing: border-box; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 100%; line-height: 1.5; color: #1b1b1b; background: #fff; }
body { margin: 0 auto; max-width: 48rem; padding: 0 1rem 2rem; overflow-wrap: anywhere; }
a { color: #0b4f8a; text-decoration: underline; }
a:visited { color: #5a2d82; }
a:focus-visible, a:focus { outline: 3px solid #1b1b1b; outline-offset: 2px; background: #fff3b0; color: #1b1b1b; }
.skip { position: absolute; left: -999rem; }
.skip:focus { position: static; display: inline-block; margin: .5rem 0; padding: .25rem .5rem; }
header { border-bottom: 2px solid #1b1b1b; padding: .5rem 0; }
.site { font-weight: 700; margin: .25rem 0; }
nav ul, .feeds { list-style: none; padding: 0; margin: .25rem 0; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; }
nav a, .feeds a { display: inline-block; padding: .25rem 0; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 1rem 0 .5rem; }
h2 { font-size: 1.35rem; margin: 1.75rem 0 .5rem; }
h3 { font-size: 1.1rem; margin: 1rem 0 .25rem; }
.platform { font-weight: 400; }
.accounts { list-style: none; padding: 0; }
.accounts > li { border-top: 1px solid #767676; padding: .25rem 0 .5rem; }
dl { margin: .25rem 0; }
dl div { display: flex; flex-wrap: wrap; gap: 0 .5rem; }
dt { font-weight: 700; min-width: 7rem; }
dd { margin: 0; }
article { border-top: 1px solid #767676; margin-top: 1rem; }
.post { white-space: pre-wrap; }
aside { margin-top: 2rem; border-left: 4px solid #767676; padding-left: .75rem; }
footer { margin-top: 2rem; border-top: 1px solid #767676; font-size: .95rem; }
@media print {
  nav, .skip, .feeds { display: none; }
  body { max-width: none; }
  a { color: #000; }
  main a[href^="http"]::after { content: " (" attr(href) ")"; }
  article, .accounts > li { break-inside: avoid; }
}
`;
