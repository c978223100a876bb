"""The picture's stylesheet: sheets of A4 landscape on screen and on paper, light and dark, sized in em.

Every length inside a sheet is in em of the sheet's type size, which `fit` picks per page
(`fit-0` .. `fit-6`), so a fuller page is the same layout in smaller type; wizard/export/fit.py
mirrors the lengths that matter for height. Print uses the light colours on white.
"""

from wizard.export.fit import SIZES_PT
from wizard.export.palette import DARK, LIGHT, PRINT, variables

_FITS = "\n".join(f".fit-{n} {{ font-size: {pt}pt; }}" for n, pt in enumerate(SIZES_PT))

CSS = f"""
:root {{ color-scheme: light dark; {variables(LIGHT)} }}
@media (prefers-color-scheme: dark) {{ :root {{ {variables(DARK)} }} }}
* {{ box-sizing: border-box; }}
html {{ background: var(--desk); color: var(--fg); }}
body {{ margin: 0; padding: 12px 0 24px;
  font-family: "Inter", "Segoe UI", system-ui, -apple-system, Roboto, "DejaVu Sans", sans-serif; line-height: 1.25; }}
h1, h2, h3, h4, p, ul, ol, dl, dd {{ margin: 0; padding: 0; }}
ul, ol {{ list-style: none; }}
.page {{ background: var(--sheet); width: 297mm; max-width: calc(100vw - 16px); min-height: 210mm;
  margin: 0 auto 14px; padding: 8mm; border-radius: 3px; box-shadow: 0 1px 4px rgba(0,0,0,.25);
  display: flex; flex-direction: column; gap: .6em; }}
{_FITS}
.text {{ white-space: pre-line; overflow-wrap: anywhere; }}
.card {{ background: var(--card); border: 1px solid var(--line); border-radius: .35em; padding: .5em .65em;
  break-inside: avoid; }}
.label {{ display: block; font-size: .72em; font-weight: 700; text-transform: uppercase; letter-spacing: .05em;
  color: var(--muted); margin-bottom: .15em; }}
.kicker {{ font-size: .8em; font-weight: 600; color: var(--muted); text-transform: uppercase; letter-spacing: .06em; }}
.badge {{ display: inline-block; background: var(--badge); color: var(--badge-fg); border-radius: .8em;
  padding: .05em .55em; font-size: .78em; font-weight: 600; white-space: nowrap; }}
.page-head {{ display: flex; justify-content: space-between; align-items: flex-end; gap: 1em;
  border-bottom: .15em solid var(--rule); padding-bottom: .35em; }}
.page-head h1, .page-head h2 {{ font-size: 1.7em; line-height: 1.15; color: var(--accent); overflow-wrap: anywhere; }}
.page-head .where {{ text-align: right; font-size: .8em; color: var(--muted); }}
.lede {{ font-size: 1.05em; max-width: 60em; }}
.inline, .inline li {{ display: inline; }}
.runin {{ font-weight: 700; color: var(--muted); }}
.inline li + li::before {{ content: " · "; color: var(--muted); }}
.keyfacts {{ display: grid; grid-template-columns: 1fr 1fr 1fr 1.6fr; gap: .55em; }}
.who-facts {{ columns: 4; column-gap: 1.1em; }}
.who-facts > div {{ break-inside: avoid; margin-bottom: .4em; }}
.chips {{ display: flex; flex-wrap: wrap; gap: .3em; margin-bottom: .45em; }}
ul.items li {{ padding-left: .9em; text-indent: -.9em; }}
ul.items li::before {{ content: "•"; display: inline-block; width: .9em; text-indent: 0; color: var(--muted); }}
ol.ranked {{ list-style: decimal; padding-left: 1.3em; }}
ol.ranked li::marker {{ color: var(--muted); font-weight: 700; }}
.job {{ display: flex; flex-direction: column; gap: .4em; padding: .45em .65em .55em; }}
.job-head {{ display: flex; align-items: baseline; gap: .6em; break-after: avoid; }}
.job-head h3 {{ font-size: 1.15em; line-height: 1.2; overflow-wrap: anywhere; }}
.job-context {{ display: grid; grid-template-columns: 1fr 1fr; gap: .3em 1.2em; break-after: avoid; }}
.stages {{ display: grid; grid-template-columns: 1fr 1fr 1fr; gap: .5em; }}
.stage {{ background: var(--sheet); padding: .35em .45em; display: flex; flex-direction: column; gap: .3em; }}
.stage h4 {{ font-size: .95em; color: var(--accent); text-transform: uppercase; letter-spacing: .05em; }}
.pains, .gains {{ border-radius: .25em; padding: .25em .4em; display: grid; grid-template-columns: 3.4em 1fr;
  align-items: baseline; }}
.pains .label, .gains .label {{ margin: 0; }}
.pains {{ background: var(--pain-bg); }}
.gains {{ background: var(--gain-bg); }}
.pains .label {{ color: var(--pain); }}
.gains .label {{ color: var(--gain); }}
.pains ul.items li::before {{ content: "−"; color: var(--pain); font-weight: 700; }}
.gains ul.items li::before {{ content: "+"; color: var(--gain); font-weight: 700; }}
.none {{ color: var(--muted); font-style: italic; }}
.page-foot {{ font-size: .8em; color: var(--muted); margin-top: auto; }}
.legend {{ white-space: nowrap; }}
.ev {{ font-size: .72em; font-weight: 700; white-space: nowrap; text-indent: 0; }}
.ev-guess {{ color: var(--muted); }}
.ev-supported {{ color: var(--gain); }}
.ev-contradicted {{ color: var(--pain); }}
.ev-observed, .ev-paid {{ color: var(--accent); }}
.types {{ display: grid; gap: .7em; align-items: start; }}
.types.n1 {{ grid-template-columns: 1fr; }}
.types.n2 {{ grid-template-columns: 1fr 1fr; }}
.types.n3 {{ grid-template-columns: 1fr 1fr 1fr; }}
.type {{ display: flex; flex-direction: column; gap: .45em; border-top: .3em solid var(--rule); }}
.type h2 {{ font-size: 1.35em; line-height: 1.2; color: var(--accent); overflow-wrap: anywhere; }}
.segs {{ display: flex; flex-direction: column; gap: .4em; }}
.seg {{ background: var(--sheet); padding: .4em .55em; }}
.seg h3 {{ font-size: 1.02em; overflow-wrap: anywhere; margin-bottom: .15em; }}
.pays {{ display: grid; grid-template-columns: auto 1fr; gap: .1em .5em; font-size: .9em; }}
.pays dt {{ font-weight: 700; color: var(--muted); }}
.market {{ display: flex; flex-wrap: wrap; gap: .3em 1.6em; align-items: baseline; }}
.coach h3 {{ font-size: 1em; color: var(--accent); margin-bottom: .2em; }}
@page {{ size: A4 landscape; margin: 8mm; }}
@media print {{
  :root {{ {variables(PRINT)} }}
  html, body {{ background: #fff; padding: 0; }}
  * {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
  .page {{ width: auto; max-width: none; min-height: 0; margin: 0; padding: 0; border-radius: 0; box-shadow: none;
    break-after: page; }}
  .page:last-child {{ break-after: auto; }}
}}
@media screen and (max-width: 760px) {{
  .keyfacts, .job-context, .stages, .types.n2, .types.n3 {{ grid-template-columns: 1fr; }}
  .who-facts {{ columns: 1; }}
  .page {{ min-height: 0; }}
}}
"""
