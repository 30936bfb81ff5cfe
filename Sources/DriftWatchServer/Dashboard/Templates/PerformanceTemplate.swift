extension DashboardTemplate {
    /// `/models/{id}/performance`: realized values, the trend against its band, label coverage
    /// and every metric of the window.
    static let performanceText = #"""
        {{#empty}}
        <section class="card" aria-labelledby="empty-heading">
        {{>empty}}
        </section>
        {{/empty}}
        {{#hasTask}}
        <div class="grid">
        <section class="card stat" aria-labelledby="card-realized">
        <h2 id="card-realized">Realized {{metricLabel}}</h2>
        <p class="stat-value">{{realized}}</p>
        <p class="stat-note">labelled predictions in the {{windowLabel}}</p>
        </section>
        <section class="card stat" aria-labelledby="card-coverage">
        <h2 id="card-coverage">Label coverage</h2>
        <p class="stat-value">{{coverage}}</p>
        <p class="stat-note">of the window's inferences have a label</p>
        </section>
        <section class="card stat" aria-labelledby="card-labeled">
        <h2 id="card-labeled">Labelled predictions</h2>
        <p class="stat-value">{{labeled}}</p>
        <p class="stat-note">joined by request id</p>
        </section>
        </div>
        {{#scoringProblem}}<p class="notice">{{.}}</p>{{/scoringProblem}}
        <section class="card" aria-labelledby="card-trend">
        <h2 id="card-trend">{{metricTitle}} over time</h2>
        <figure class="chart">{{{trendChart}}}<figcaption class="readout" data-readout aria-live="polite"></figcaption></figure>
        <p class="note">{{bandNote}}</p>
        <p class="note">{{estimatedNote}}</p>
        </section>
        <section class="card" aria-labelledby="card-coverage-trend">
        <h2 id="card-coverage-trend">Label coverage over time</h2>
        <figure class="chart">{{{coverageChart}}}<figcaption class="readout" data-readout aria-live="polite"></figcaption></figure>
        </section>
        <section class="card" aria-labelledby="card-metrics">
        <h2 id="card-metrics">Every metric</h2>
        <div class="table-wrap">
        <table>
        <caption>Realized performance of the {{windowLabel}}'s labelled predictions</caption>
        <thead><tr><th scope="col">Metric</th><th scope="col" class="num">Value</th><th scope="col">Note</th></tr></thead>
        <tbody>
        {{#metrics}}
        <tr><th scope="row">{{name}}</th><td class="num">{{value}}</td><td>{{#reason}}{{.}}{{/reason}}</td></tr>
        {{/metrics}}
        {{^metrics}}
        <tr><td colspan="3">No labelled predictions to score.</td></tr>
        {{/metrics}}
        </tbody>
        </table>
        </div>
        </section>
        {{/hasTask}}

        """#
}
