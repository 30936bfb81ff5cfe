/// The report page's mustache template and stylesheet. The page is one file that works
/// offline and when mailed: the stylesheet is inline, the charts are inline SVG, and there is
/// no script, no image and no link to another address. `{{x}}` escapes for HTML, `{{{x}}}`
/// inserts markup the server drew (SVG).
enum ReportTemplate {
    static let text = #"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="DriftWatch {{version}}">
        <title>{{title}}</title>
        <style>
        {{{css}}}
        </style>
        </head>
        <body>
        <header class="report-head">
        <p class="eyebrow">DriftWatch model report</p>
        <h1>{{modelID}}</h1>
        <dl class="facts">
        <div><dt>Window</dt><dd>{{windowText}}</dd></div>
        <div><dt>Task</dt><dd>{{task}}</dd></div>
        <div><dt>Traffic</dt><dd>{{scopeText}}</dd></div>
        <div><dt>Inferences</dt><dd>{{inferences}}</dd></div>
        <div><dt>Generated</dt><dd>{{generated}}</dd></div>
        </dl>
        </header>
        <main>
        <section id="recommendations" aria-labelledby="recommendations-heading">
        <h2 id="recommendations-heading">Recommendations</h2>
        <ol class="recommendations">
        {{#recommendations}}
        <li class="recommendation kind-{{kind}}"><strong>{{title}}</strong><p>{{reason}}</p></li>
        {{/recommendations}}
        </ol>
        </section>

        <section id="drift" aria-labelledby="drift-heading">
        <h2 id="drift-heading">Drift</h2>
        {{#driftAvailable}}
        <p class="lead">{{driftSummary}}</p>
        <div class="table-wrap">
        <table>
        <caption>Each feature in the window against the reference, with its stored drift score over the window</caption>
        <thead><tr><th scope="col">Feature</th><th scope="col">Kind</th><th scope="col">Method</th><th scope="col" class="num">Score</th><th scope="col" class="num">p-value</th><th scope="col">Verdict</th><th scope="col">Trend</th></tr></thead>
        <tbody>
        {{#driftRows}}
        <tr><th scope="row">{{name}}</th><td>{{kind}}</td><td>{{method}}</td><td class="num">{{score}}</td><td class="num">{{pValue}}</td><td>{{#drift}}<span class="badge warn">drift</span>{{/drift}}{{^drift}}<span class="badge ok">no drift</span>{{/drift}}</td><td class="spark">{{{sparkline}}}</td></tr>
        {{/driftRows}}
        </tbody>
        </table>
        </div>
        {{/driftAvailable}}
        <p class="note">{{driftNote}}</p>
        <figure>{{{shareChart}}}</figure>
        </section>

        <section id="performance" aria-labelledby="performance-heading">
        <h2 id="performance-heading">Performance</h2>
        <p class="lead forecast forecast-{{forecastOutcome}}">{{forecastSentence}}</p>
        <p class="note">{{thresholdText}}</p>
        <figure>{{{performanceChart}}}</figure>
        <p class="note">{{performanceNote}}</p>
        {{#hasForecastRows}}
        <div class="table-wrap">
        <table>
        <caption>The trend's projection with its 95 % prediction band</caption>
        <thead><tr><th scope="col">Date (UTC)</th><th scope="col" class="num">Projected</th><th scope="col" class="num">Lower</th><th scope="col" class="num">Upper</th></tr></thead>
        <tbody>
        {{#forecastRows}}
        <tr><th scope="row">{{date}}</th><td class="num">{{value}}</td><td class="num">{{lower}}</td><td class="num">{{upper}}</td></tr>
        {{/forecastRows}}
        </tbody>
        </table>
        </div>
        {{/hasForecastRows}}
        <p>{{labelText}}</p>
        {{#gapText}}<p>{{gapText}}</p>{{/gapText}}
        {{#hasWindowMetrics}}
        <dl class="facts">
        {{#windowMetrics}}<div><dt>{{name}}</dt><dd>{{value}}</dd></div>{{/windowMetrics}}
        </dl>
        {{/hasWindowMetrics}}
        </section>

        <section id="quality" aria-labelledby="quality-heading">
        <h2 id="quality-heading">Data quality</h2>
        <p class="lead">Quality score: <strong>{{qualityScore}}</strong> (1 means no missing, out-of-range, outlying or unseen values).</p>
        {{#hasQualityRows}}
        <div class="table-wrap">
        <table>
        <caption>Problem values per feature in the window, against the reference</caption>
        <thead><tr><th scope="col">Feature</th><th scope="col">Kind</th><th scope="col" class="num">Values</th><th scope="col" class="num">Missing</th><th scope="col" class="num">Missing in reference</th><th scope="col" class="num">Outliers</th><th scope="col" class="num">Out of range</th><th scope="col" class="num">Unseen categories</th></tr></thead>
        <tbody>
        {{#qualityRows}}
        <tr><th scope="row">{{name}}</th><td>{{kind}}</td><td class="num">{{count}}</td><td class="num">{{missing}}</td><td class="num">{{referenceMissing}}</td><td class="num">{{outliers}}</td><td class="num">{{outOfRange}}</td><td class="num">{{unseen}}</td></tr>
        {{/qualityRows}}
        </tbody>
        </table>
        </div>
        {{/hasQualityRows}}
        {{^hasQualityRows}}<p class="note">No inferences in the window.</p>{{/hasQualityRows}}
        </section>

        <section id="latency" aria-labelledby="latency-heading">
        <h2 id="latency-heading">Latency and errors</h2>
        <dl class="facts">
        <div><dt>p50</dt><dd>{{p50}}</dd></div>
        <div><dt>p95</dt><dd>{{p95}}</dd></div>
        <div><dt>p99</dt><dd>{{p99}}</dd></div>
        <div><dt>Error rate</dt><dd>{{errorRate}} ({{errors}} errors)</dd></div>
        </dl>
        <figure>{{{latencyChart}}}</figure>
        </section>

        <section id="alerts" aria-labelledby="alerts-heading">
        <h2 id="alerts-heading">Alerts</h2>
        <p class="note">{{alertsNote}}</p>
        {{#alertTables}}
        <div class="table-wrap">
        <table>
        <caption>{{caption}}</caption>
        <thead><tr><th scope="col">Alert</th><th scope="col">Severity</th><th scope="col">State</th><th scope="col">Since</th><th scope="col" class="num">Value</th><th scope="col">Labels</th></tr></thead>
        <tbody>
        {{#rows}}
        <tr><th scope="row">{{name}}{{#summary}}<span class="cell-note">{{summary}}</span>{{/summary}}</th><td>{{severity}}</td><td>{{state}}</td><td>{{since}}</td><td class="num">{{value}}</td><td>{{labels}}</td></tr>
        {{/rows}}
        </tbody>
        </table>
        </div>
        {{/alertTables}}
        </section>
        </main>
        <footer><p>DriftWatch {{version}}. The same report as data: add <code>format=json</code> to its address, or run <code>driftwatch report --format json</code>.</p></footer>
        </body>
        </html>

        """#

    /// Readable on screen and on paper: system fonts, text colours of at least 4.5:1 against
    /// their backgrounds, tables that scroll sideways on phones instead of overflowing.
    static let css = """
        :root { --ink: #1b1f24; --muted: #545c66; --line: #d8dce2; --bg: #f4f5f7; --warn: #8a4b00; --ok: #1d6b38; }
        * { box-sizing: border-box; }
        html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; line-height: 1.5; color: var(--ink); background: var(--bg); }
        body { margin: 0; }
        .report-head { background: #16325c; color: #fff; padding: 1.25rem 1rem; }
        .report-head h1 { margin: .1rem 0 .6rem; font-size: 1.6rem; }
        .report-head .facts dt { color: #d5deeb; }
        .eyebrow { margin: 0; text-transform: uppercase; letter-spacing: .06em; font-size: .8rem; }
        main, .report-head > * { max-width: 1100px; margin-left: auto; margin-right: auto; }
        main { padding: 1rem; }
        section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 1rem 1.25rem; margin-bottom: 1rem; }
        h2 { margin: 0 0 .6rem; font-size: 1.25rem; }
        .lead { font-size: 1.05rem; }
        .note, .cell-note { color: var(--muted); font-size: .9rem; }
        .cell-note { display: block; font-weight: 400; }
        .facts { display: flex; flex-wrap: wrap; gap: .5rem 2rem; margin: 0; }
        .facts dt { font-size: .8rem; color: var(--muted); }
        .facts dd { margin: 0; font-weight: 600; }
        .recommendations { margin: 0; padding-left: 1.4rem; }
        .recommendation { margin-bottom: .6rem; }
        .recommendation p { margin: .15rem 0 0; }
        .kind-no_action strong { color: var(--ok); }
        .kind-retrain strong, .kind-check_upstream strong, .kind-check_service strong { color: var(--warn); }
        .forecast-crosses, .forecast-already_crossed { color: var(--warn); font-weight: 600; }
        .table-wrap { overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; font-size: .92rem; }
        caption { text-align: left; color: var(--muted); font-size: .85rem; padding-bottom: .3rem; }
        th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line); vertical-align: middle; }
        thead th { font-size: .8rem; color: var(--muted); }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        .badge { display: inline-block; padding: 0 .45rem; border-radius: 999px; font-size: .8rem; font-weight: 600; }
        .badge.warn { background: #fde9cc; color: var(--warn); }
        .badge.ok { background: #d9f0e0; color: var(--ok); }
        figure { margin: .75rem 0; }
        svg { max-width: 100%; height: auto; }
        code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
        footer { max-width: 1100px; margin: 0 auto; padding: 0 1rem 2rem; color: var(--muted); font-size: .85rem; }
        @media print { html { background: #fff; } section { break-inside: avoid; border: none; padding: 0; } }
        """
}
