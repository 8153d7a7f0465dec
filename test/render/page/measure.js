/*
 * Runs inside Chromium next to Microsoft's adaptivecards.min.js: renders one card as Teams would (the host config
 * given) into a 360 px wide frame, and reports what a person on a phone cannot read or reach. Plain browser
 * JavaScript, so nothing a compiler adds ends up in the page.
 */
(function () {
  'use strict';

  function parseColor(css) {
    const m = /rgba?\(([^)]+)\)/.exec(css || '');
    if (!m) return null;
    const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
  }

  // WCAG 2.x relative luminance and contrast ratio.
  function luminance(c) {
    const ch = [c.r, c.g, c.b].map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2];
  }
  function over(top, bottom) {
    const a = top.a;
    return { r: top.r * a + bottom.r * (1 - a), g: top.g * a + bottom.g * (1 - a), b: top.b * a + bottom.b * (1 - a), a: 1 };
  }
  function contrast(fg, bg) {
    const l1 = luminance(fg);
    const l2 = luminance(bg);
    return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
  }

  /** The first opaque background behind an element (semi-transparent layers blended on the way up). */
  function backgroundOf(el) {
    const layers = [];
    for (let n = el; n && n.nodeType === 1; n = n.parentElement) {
      const c = parseColor(getComputedStyle(n).backgroundColor);
      if (c && c.a > 0) {
        layers.push(c);
        if (c.a >= 1) break;
      }
    }
    let bg = { r: 255, g: 255, b: 255, a: 1 };
    for (let i = layers.length - 1; i >= 0; i--) bg = over(layers[i], bg);
    return bg;
  }

  function visible(el) {
    if (!el.getClientRects().length) return false;
    const s = getComputedStyle(el);
    return s.visibility !== 'hidden' && s.display !== 'none' && Number(s.opacity) > 0;
  }

  function ownText(el) {
    let t = '';
    for (const n of el.childNodes) if (n.nodeType === 3) t += n.textContent;
    return t.trim();
  }

  /** Actions the JSON asks for, per level that renders buttons (card actions, ActionSets), outside ShowCards. */
  function jsonActions(card) {
    const out = { primary: 0, secondary: 0, titles: [] };
    const walk = (node, inShowCard) => {
      if (!node || typeof node !== 'object') return;
      if (Array.isArray(node)) return node.forEach((n) => walk(n, inShowCard));
      // A hidden part renders no buttons until it is opened (measured then, as what shows after a tap).
      if (node.isVisible === false) return;
      if (Array.isArray(node.actions) && !inShowCard) {
        for (const a of node.actions) {
          if (a.mode === 'secondary') out.secondary++;
          else {
            out.primary++;
            out.titles.push(a.title);
          }
        }
      }
      for (const [k, v] of Object.entries(node)) {
        if (k === 'card') continue; // a ShowCard's own card renders only when opened
        if (typeof v === 'object') walk(v, inShowCard);
      }
    };
    walk(card, false);
    return out;
  }

  const md = window.markdownit();
  AdaptiveCards.AdaptiveCard.onProcessMarkdown = function (text, result) {
    result.outputHtml = md.render(text);
    result.didProcess = true;
  };

  window.renderAndMeasure = function (cardJson, hostConfig, opts) {
    const host = document.getElementById('host');
    host.innerHTML = '';
    host.style.width = opts.width + 'px';
    const ac = new AdaptiveCards.AdaptiveCard();
    ac.hostConfig = new AdaptiveCards.HostConfig(hostConfig);
    ac.parse(cardJson);
    const rendered = ac.render();
    host.appendChild(rendered);
    const root = host.firstElementChild;
    const rootTop = root.getBoundingClientRect().top;
    const rootRight = root.getBoundingClientRect().right;
    const problems = [];
    const texts = [];

    for (const el of root.querySelectorAll('*')) {
      if (!visible(el)) continue;
      const t = ownText(el);
      if (!t) continue;
      if (['INPUT', 'TEXTAREA', 'SELECT', 'OPTION'].includes(el.tagName)) continue;
      const s = getComputedStyle(el);
      // A cut line: the renderer sets nowrap + ellipsis (or clamps); the text is wider or taller than its box.
      const cutWide = el.scrollWidth > el.clientWidth + 1 && s.overflowX !== 'visible';
      const cutTall = el.scrollHeight > el.clientHeight + 1 && s.overflowY !== 'visible' && s.overflowY !== 'auto';
      // A word longer than the line (a link, an id) runs past the card's edge, where the card clips it.
      const pastEdge = el.getBoundingClientRect().left + el.scrollWidth > rootRight + 1;
      const button = el.closest('button');
      const label = el.closest('label');
      if (cutWide || cutTall || pastEdge) problems.push({ kind: button ? 'cut button title' : label ? 'cut toggle or choice' : 'cut text', text: t.slice(0, 90) });
      const fg = parseColor(s.color);
      // The "*" after a required input's label is drawn by the renderer in the host's attention colour (3.2:1 on
      // Teams dark); the cards cannot change it, so it is left out and named in the closing note.
      const requiredMark = t === '*' && el.closest('label');
      if (fg && !requiredMark) {
        const bg = backgroundOf(el);
        const ratio = contrast(over(fg, bg), bg);
        if (ratio < 4.5) problems.push({ kind: 'low contrast', text: t.slice(0, 60), detail: ratio.toFixed(2) + ':1 (' + s.color + ')' });
      }
      texts.push(t);
    }

    // Toggle and choice labels: the renderer cuts them with nowrap unless the element wraps.
    for (const el of root.querySelectorAll('.ac-toggleInput label, .ac-choiceSetInput-expanded label, .ac-choiceSetInput-multiSelect label, label')) {
      if (!visible(el)) continue;
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible') problems.push({ kind: 'cut toggle or choice', text: el.textContent.trim().slice(0, 90) });
    }

    // A compact choice set (a dropdown) shows the chosen title on one line; a title wider than the box is cut there
    // (issue 19: "choices wrap"). Measured with the select's own font against its room beside the arrow.
    const ctx = document.createElement('canvas').getContext('2d');
    for (const sel of root.querySelectorAll('select')) {
      if (!visible(sel)) continue;
      const s = getComputedStyle(sel);
      ctx.font = s.fontStyle + ' ' + s.fontWeight + ' ' + s.fontSize + ' ' + s.fontFamily;
      const room = sel.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight) - 20;
      for (const o of sel.options) {
        const w = ctx.measureText(o.text).width;
        if (w > room) problems.push({ kind: 'cut toggle or choice', text: o.text.trim().slice(0, 90), detail: 'dropdown option, ' + Math.round(w) + ' px in ' + Math.round(room) + ' px' });
      }
    }

    const buttons = [...root.querySelectorAll('button.ac-pushButton')].filter(visible);
    const expected = jsonActions(cardJson);
    const overflowButtons = buttons.filter((b) => !expected.titles.includes(b.getAttribute('aria-label') || b.textContent.trim()) && /^(\.\.\.|…)$/.test(b.textContent.trim()));
    const shown = buttons.length - overflowButtons.length;
    if (shown < expected.primary) problems.push({ kind: 'dropped actions', text: `${expected.primary} buttons in the card, ${shown} rendered` });
    if (expected.secondary > 0 && overflowButtons.length === 0) problems.push({ kind: 'dropped actions', text: `${expected.secondary} overflow actions and no "..." menu` });

    const decision = new RegExp(opts.decisionPattern);
    for (const b of buttons) {
      const label = (b.getAttribute('aria-label') || b.textContent).trim();
      const bottom = b.getBoundingClientRect().bottom - rootTop;
      if (decision.test(label) && bottom > opts.screen * 2) problems.push({ kind: 'decision out of reach', text: label, detail: `bottom at ${(bottom / opts.screen).toFixed(1)} screens` });
    }

    const height = root.getBoundingClientRect().height;
    return { height, screens: height / opts.screen, problems, buttons: buttons.map((b) => b.textContent.trim()), textCount: texts.length };
  };
})();
