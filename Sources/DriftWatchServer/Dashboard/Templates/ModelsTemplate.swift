extension DashboardTemplate {
    /// `/`: the models table, or how to get a first model.
    static let modelsText = #"""
        {{#hasModels}}
        <section class="card" aria-labelledby="models-heading">
        <h2 id="models-heading">Every model</h2>
        <div class="table-wrap">
        <table>
        <caption>Traffic and health over the {{windowLabel}}</caption>
        <thead>
        <tr><th scope="col">Model</th><th scope="col">Task</th><th scope="col" class="num">Inferences</th><th scope="col">Health</th><th scope="col">Pages</th></tr>
        </thead>
        <tbody>
        {{#models}}
        <tr>
        <th scope="row"><a href="{{href}}">{{id}}</a>{{#description}}<span class="cell-note">{{description}}</span>{{/description}}</th>
        <td>{{task}}</td>
        <td class="num">{{inferences}}</td>
        <td>{{#health}}<span class="badge badge-{{level}}">{{label}}</span>{{#reasons}}<span class="cell-note">{{.}}</span>{{/reasons}}{{/health}}</td>
        <td><ul class="inline-links">{{#links}}<li><a href="{{href}}">{{label}}<span class="visually-hidden"> of {{id}}</span></a></li>{{/links}}</ul></td>
        </tr>
        {{/models}}
        </tbody>
        </table>
        </div>
        <p class="note">Health: <strong>warning</strong> when the latest drift share is at least 50 %, the error rate above 5 % or the quality score below 0.9; <strong>critical</strong> while a critical alert fires.{{#alertsUnavailable}} Alerting is not configured, so no model is critical.{{/alertsUnavailable}}</p>
        </section>
        {{/hasModels}}
        {{#empty}}
        <section class="card" aria-labelledby="empty-heading">
        {{>empty}}
        </section>
        {{/empty}}

        """#
}
