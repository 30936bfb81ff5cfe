extension DashboardTemplate {
    /// `/models/{id}`: health, then six cards.
    static let overviewText = #"""
        <p class="health-line"><span class="health-label">Health</span> {{#health}}<span class="badge badge-{{level}}">{{label}}</span>{{#reasons}} <span class="reason">{{.}}</span>{{/reasons}}{{/health}}</p>
        {{#empty}}
        <section class="card" aria-labelledby="empty-heading">
        {{>empty}}
        </section>
        {{/empty}}
        <div class="grid">
        <section class="card stat" aria-labelledby="card-inferences">
        <h2 id="card-inferences">Inferences</h2>
        <p class="stat-value">{{inferences}}</p>
        <p class="stat-note">in the {{windowLabel}} · {{errors}}</p>
        </section>
        <section class="card stat" aria-labelledby="card-p50">
        <h2 id="card-p50">Latency p50</h2>
        <p class="stat-value">{{latencyP50}}</p>
        <p class="stat-note">{{latencyCount}}</p>
        </section>
        <section class="card stat" aria-labelledby="card-p95">
        <h2 id="card-p95">Latency p95</h2>
        <p class="stat-value">{{latencyP95}}</p>
        <p class="stat-note">{{latencyCount}}</p>
        </section>
        <section class="card card-wide" aria-labelledby="card-traffic">
        <h2 id="card-traffic">Inferences per minute</h2>
        <figure class="chart">{{{trafficChart}}}<figcaption class="readout" data-readout aria-live="polite"></figcaption></figure>
        </section>
        <section class="card card-half" aria-labelledby="card-segments">
        <h2 id="card-segments">Top segments by volume</h2>
        <figure class="chart">{{{segmentsChart}}}<figcaption class="readout" data-readout aria-live="polite"></figcaption></figure>
        </section>
        <section class="card card-half" aria-labelledby="card-scatter">
        <h2 id="card-scatter">Prediction vs {{feature}}</h2>
        {{#hasFeatures}}
        <form class="inline-form" method="get">
        {{#hidden}}<input type="hidden" name="{{name}}" value="{{value}}">{{/hidden}}
        <label for="feature-select">Feature</label>
        <select id="feature-select" name="feature">
        {{#features}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>
        {{/features}}
        </select>
        <button type="submit" class="button">Show</button>
        </form>
        {{/hasFeatures}}
        <figure class="chart">{{{scatterChart}}}<figcaption class="readout" data-readout aria-live="polite"></figcaption></figure>
        <p class="note">{{scatterNote}} Colour and shape show the first segment of each inference.</p>
        </section>
        </div>

        """#
}
