extension DashboardTemplate {
    /// `/models/{id}/latency`: four figures and two charts.
    static let latencyText = #"""
        {{#empty}}
        <section class="card" aria-labelledby="empty-heading">
        {{>empty}}
        </section>
        {{/empty}}
        <div class="grid grid-4">
        <section class="card stat" aria-labelledby="card-p50">
        <h2 id="card-p50">Latency p50</h2>
        <p class="stat-value">{{p50}}</p>
        <p class="stat-note">mean {{mean}}</p>
        </section>
        <section class="card stat" aria-labelledby="card-p95">
        <h2 id="card-p95">Latency p95</h2>
        <p class="stat-value">{{p95}}</p>
        <p class="stat-note">in the {{windowLabel}}</p>
        </section>
        <section class="card stat" aria-labelledby="card-p99">
        <h2 id="card-p99">Latency p99</h2>
        <p class="stat-value">{{p99}}</p>
        <p class="stat-note">max {{max}}</p>
        </section>
        <section class="card stat" aria-labelledby="card-error-rate">
        <h2 id="card-error-rate">Error rate</h2>
        <p class="stat-value">{{errorRate}}</p>
        <p class="stat-note">{{errors}}</p>
        </section>
        </div>
        <section class="card" aria-labelledby="card-latency-trend">
        <h2 id="card-latency-trend">Latency over time</h2>
        <figure class="chart">{{{latencyChart}}}<figcaption class="readout" data-readout aria-live="polite"></figcaption></figure>
        </section>
        <section class="card" aria-labelledby="card-error-trend">
        <h2 id="card-error-trend">Error rate over time</h2>
        <figure class="chart">{{{errorChart}}}<figcaption class="readout" data-readout aria-live="polite"></figcaption></figure>
        </section>

        """#
}
