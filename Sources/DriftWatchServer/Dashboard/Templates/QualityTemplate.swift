extension DashboardTemplate {
    /// `/models/{id}/quality`: the score, the per-feature table and charts.
    static let qualityText = #"""
        {{#empty}}
        <section class="card" aria-labelledby="empty-heading">
        {{>empty}}
        </section>
        {{/empty}}
        <div class="grid">
        <section class="card stat" aria-labelledby="card-score">
        <h2 id="card-score">Quality score</h2>
        <p class="stat-value">{{score}}{{#scoreLow}} <span class="badge badge-warning">below 0.9</span>{{/scoreLow}}</p>
        <p class="stat-note">1 − the mean share of values with a problem, over {{events}} inferences in the {{windowLabel}}</p>
        </section>
        <section class="card card-wide-2" aria-labelledby="card-score-trend">
        <h2 id="card-score-trend">Quality score over time</h2>
        <figure class="chart">{{{scoreChart}}}<figcaption class="readout" data-readout aria-live="polite"></figcaption></figure>
        </section>
        </div>
        {{#referenceNote}}<p class="notice">{{.}}</p>{{/referenceNote}}
        {{#hasRows}}
        <section class="card" aria-labelledby="quality-features">
        <h2 id="quality-features">Quality by feature</h2>
        <div class="table-wrap">
        <table>
        <caption>Share of each feature's values with a problem in the {{windowLabel}}; out-of-range and outliers against the reference's range and IQR fences</caption>
        <thead>
        <tr><th scope="col">Feature</th><th scope="col">Kind</th><th scope="col" class="num">Values</th><th scope="col" class="num">Missing</th><th scope="col" class="num">Out of range</th><th scope="col" class="num">Outliers</th><th scope="col" class="num">Unseen</th><th scope="col" class="num">With a problem</th></tr>
        </thead>
        <tbody>
        {{#rows}}
        <tr{{#flagged}} class="flagged"{{/flagged}}>
        <th scope="row">{{name}}</th>
        <td>{{kind}}</td>
        <td class="num">{{values}}</td>
        <td class="num">{{missing}}</td>
        <td class="num">{{outOfRange}}</td>
        <td class="num">{{outliers}}</td>
        <td class="num">{{unseen}}</td>
        <td class="num">{{problems}}</td>
        </tr>
        {{/rows}}
        </tbody>
        </table>
        </div>
        </section>
        <section class="card" aria-labelledby="quality-chart">
        <h2 id="quality-chart">Values with a problem</h2>
        <figure class="chart">{{{problemsChart}}}<figcaption class="readout" data-readout aria-live="polite"></figcaption></figure>
        </section>
        {{/hasRows}}

        """#
}
