extension DashboardTemplate {
    /// `/simulations`: every run with its detections.
    static let simulationsText = #"""
        {{#empty}}
        <section class="card" aria-labelledby="empty-heading">
        {{>empty}}
        </section>
        {{/empty}}
        {{#hasRows}}
        <section class="card" aria-labelledby="simulations-table">
        <h2 id="simulations-table">Simulation runs</h2>
        <div class="table-wrap">
        <table>
        <caption>Every simulation, newest first, with each monitor's detection delay and false alarms</caption>
        <thead><tr><th scope="col">Run</th><th scope="col">Scenario</th><th scope="col">Model</th><th scope="col">State</th><th scope="col">Started</th><th scope="col">Detections</th></tr></thead>
        <tbody>
        {{#rows}}
        <tr>
        <th scope="row"><code>{{id}}</code></th>
        <td>{{scenario}}</td>
        <td><a href="{{modelHref}}">{{model}}</a></td>
        <td>{{state}}</td>
        <td><time datetime="{{startedAtISO}}">{{startedAt}}</time></td>
        <td>{{#hasDetections}}<ul class="plain-list">{{#detections}}<li><strong>{{monitor}}</strong>: {{#detected}}<span class="badge badge-ok">{{delay}}</span>{{/detected}}{{^detected}}<span class="badge badge-warning">{{delay}}</span>{{/detected}}, {{falseAlarms}}</li>{{/detections}}</ul>{{/hasDetections}}{{^hasDetections}}No monitor results yet.{{/hasDetections}}</td>
        </tr>
        {{/rows}}
        </tbody>
        </table>
        </div>
        </section>
        {{/hasRows}}

        """#
}
