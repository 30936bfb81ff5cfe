extension DashboardTemplate {
    /// `/models/{id}/drift`: verdicts, the feature table with sparklines, the heatmap and the
    /// distributions; or how to upload a reference.
    static let driftText = #"""
        {{#empty}}
        <section class="card" aria-labelledby="empty-heading">
        {{>empty}}
        </section>
        {{/empty}}
        {{#hasReport}}
        <section class="card" aria-labelledby="drift-features">
        <h2 id="drift-features">Drift by feature</h2>
        <p class="lead">{{#datasetDrift}}<span class="badge badge-warning">dataset drift</span>{{/datasetDrift}}{{^datasetDrift}}<span class="badge badge-ok">no dataset drift</span>{{/datasetDrift}} {{summary}}</p>
        <p class="note">{{referenceNote}}</p>
        <div class="table-wrap">
        <table class="drift-table">
        <caption>Each feature in the {{windowLabel}} against the reference, with its stored drift score over the last 24 hours</caption>
        <thead>
        <tr><th scope="col">Feature</th><th scope="col">Kind</th><th scope="col">Method</th><th scope="col" class="num">Score</th><th scope="col" class="num">p-value</th><th scope="col">Verdict</th><th scope="col">Last 24 h</th></tr>
        </thead>
        <tbody>
        {{#rows}}
        <tr>
        <th scope="row">{{name}}</th>
        <td>{{kind}}</td>
        <td>{{method}}</td>
        <td class="num">{{score}}</td>
        <td class="num">{{pValue}}</td>
        <td>{{#drift}}<span class="badge badge-warning">{{verdict}}</span>{{/drift}}{{^drift}}<span class="badge badge-ok">{{verdict}}</span>{{/drift}}{{#reason}}<span class="cell-note">{{reason}}</span>{{/reason}}</td>
        <td class="spark">{{{sparkline}}}</td>
        </tr>
        {{/rows}}
        </tbody>
        </table>
        </div>
        {{#missing}}<p class="note">{{missing}}</p>{{/missing}}
        </section>
        <section class="card" aria-labelledby="drift-heatmap">
        <h2 id="drift-heatmap">Drift score over time</h2>
        <figure class="chart">{{{heatmap}}}<figcaption class="readout" data-readout aria-live="polite"></figcaption></figure>
        <p class="note">{{heatmapNote}}</p>
        </section>
        <section class="card" aria-labelledby="drift-distributions">
        <h2 id="drift-distributions">Reference vs current distributions</h2>
        <p class="note">Shares of the reference (solid) and of the {{windowLabel}} (dashed) in each bin or category.</p>
        <div class="grid grid-charts">
        {{#distributions}}
        <div class="subcard">
        <h3>{{name}}</h3>
        <figure class="chart">{{{chart}}}<figcaption class="readout" data-readout aria-live="polite"></figcaption></figure>
        </div>
        {{/distributions}}
        </div>
        </section>
        {{/hasReport}}

        """#
}
