extension DashboardTemplate {
    /// `/models/{id}/segments`: the table and the volume bars.
    static let segmentsText = #"""
        {{#empty}}
        <section class="card" aria-labelledby="empty-heading">
        {{>empty}}
        </section>
        {{/empty}}
        {{#hasRows}}
        <section class="card" aria-labelledby="segments-table">
        <h2 id="segments-table">Segments</h2>
        <div class="table-wrap">
        <table>
        <caption>Each segment value in the {{windowLabel}}, of {{total}} inferences; a segment's name opens the overview of its traffic</caption>
        <thead>
        <tr><th scope="col">Segment</th><th scope="col" class="num">Inferences</th><th scope="col" class="num">Share</th><th scope="col" class="num">Error rate</th><th scope="col" class="num">p50</th><th scope="col" class="num">p95</th><th scope="col" class="num">Mean prediction</th><th scope="col" class="num">Missing</th></tr>
        </thead>
        <tbody>
        {{#rows}}
        <tr>
        <th scope="row"><a href="{{href}}">{{segment}}</a></th>
        <td class="num">{{inferences}}</td>
        <td class="num">{{share}}</td>
        <td class="num">{{errorRate}}</td>
        <td class="num">{{p50}}</td>
        <td class="num">{{p95}}</td>
        <td class="num">{{prediction}}</td>
        <td class="num">{{missing}}</td>
        </tr>
        {{/rows}}
        </tbody>
        </table>
        </div>
        </section>
        <section class="card" aria-labelledby="segments-chart">
        <h2 id="segments-chart">Inferences by segment</h2>
        <figure class="chart">{{{chart}}}<figcaption class="readout" data-readout aria-live="polite"></figcaption></figure>
        </section>
        {{/hasRows}}

        """#
}
