"""The stylesheet of the HTML export: inline, light and dark, and laid out for a landscape page in print."""

CSS = """
:root {
  color-scheme: light dark;
  --bg: #fafaf7; --fg: #1d1d1b; --muted: #77756f; --card: #ffffff; --line: #d9d6cc;
  --type: #eef2f7; --accent: #2f5f8a; --pain: #a23b2a; --gain: #2f7a45; --badge: #e4ebf2;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #17181a; --fg: #e8e6e1; --muted: #9a978f; --card: #222427; --line: #3a3d42;
    --type: #1d2631; --accent: #8fb8df; --pain: #e08b7b; --gain: #86c99a; --badge: #2b3a4a;
  }
}
* { box-sizing: border-box; }
body {
  margin: 0; padding: 1.25rem; background: var(--bg); color: var(--fg);
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
}
h1, h2, h3, h4 { margin: 0 0 .35rem; line-height: 1.2; }
h1 { font-size: 1.6rem; }
h2 { font-size: 1.25rem; color: var(--accent); }
h3 { font-size: 1.05rem; }
h4 { font-size: .8rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin-top: .6rem; }
.text { white-space: pre-line; overflow-wrap: anywhere; }
.muted, .missing, .na { color: var(--muted); font-style: italic; }
header.top { display: flex; flex-wrap: wrap; align-items: baseline; gap: .5rem 1.5rem; margin-bottom: 1rem; }
header.top .meta { color: var(--muted); margin: 0; }
.score { font-size: 1.1rem; }
.score strong { font-size: 1.6rem; color: var(--accent); }
ul.scores { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem .5rem; padding: 0; margin: 0; }
.badge { display: inline-block; padding: 0 .45rem; border-radius: .6rem; background: var(--badge);
  font-size: .8rem; font-weight: 600; white-space: nowrap; }
.types { display: grid; grid-template-columns: repeat(auto-fit, minmax(24rem, 1fr)); gap: 1rem; }
.type { background: var(--type); border: 1px solid var(--line); border-radius: .6rem; padding: .8rem; }
.segments { display: grid; grid-template-columns: repeat(auto-fit, minmax(24rem, 1fr)); gap: .8rem;
  margin-top: .8rem; }
.segment { background: var(--card); border: 1px solid var(--line); border-radius: .5rem; padding: .7rem; }
.details { font-size: .9em; margin-top: .6rem; }
.job h4.job-title { text-transform: none; letter-spacing: 0; color: var(--fg); font-size: .95rem; }
.job { border-top: 2px solid var(--line); margin-top: .6rem; padding-top: .5rem; }
dl { display: grid; grid-template-columns: minmax(7rem, max-content) 1fr; gap: .15rem .6rem; margin: 0; }
dt { font-weight: 600; color: var(--muted); }
dd { margin: 0; }
dd ul, dd ol, td ul { margin: 0; padding-left: 1.1rem; }
table.stages { width: 100%; border-collapse: collapse; margin-top: .4rem; table-layout: fixed; }
table.stages th, table.stages td { border: 1px solid var(--line); padding: .25rem .35rem; vertical-align: top;
  text-align: left; }
table.stages thead th { font-size: .8rem; text-transform: uppercase; letter-spacing: .04em; }
table.stages th.q-pains, table.stages td.q-pains { color: var(--pain); }
table.stages th.q-gains, table.stages td.q-gains { color: var(--gain); }
table.stages td li, table.stages td span.text { color: var(--fg); }
table.stages tr > :first-child { width: 4.5rem; }
.canvas-level { display: grid; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); gap: 1rem;
  margin-top: 1rem; }
.canvas-level section, footer section { background: var(--card); border: 1px solid var(--line);
  border-radius: .5rem; padding: .7rem; }
footer { margin-top: 1rem; }
@page { size: A4 landscape; margin: 10mm; }
@media print {
  :root {
    --bg: #fff; --fg: #000; --muted: #555; --card: #fff; --line: #bbb; --type: #f4f6f9;
    --accent: #1f4a70; --pain: #8a2a1c; --gain: #1f5f33; --badge: #e4ebf2;
  }
  body { padding: 0; font-size: 9pt; }
  .types { grid-template-columns: repeat(auto-fit, minmax(85mm, 1fr)); }
  .segment, .job, .canvas-level section, footer section { break-inside: avoid; }
}
"""
