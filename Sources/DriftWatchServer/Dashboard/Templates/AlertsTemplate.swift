extension DashboardTemplate {
    /// `/alerts`: active alerts, the last day's changes, silences.
    static let alertsText = #"""
        {{#empty}}
        <section class="card" aria-labelledby="empty-heading">
        {{>empty}}
        </section>
        {{/empty}}
        {{#configured}}
        <section class="card" aria-labelledby="alerts-active">
        <h2 id="alerts-active">Firing and pending</h2>
        {{#hasActive}}
        <div class="table-wrap">
        <table>
        <caption>Alerts whose condition holds now, firing first, most severe first</caption>
        <thead><tr><th scope="col">Alert</th><th scope="col">Severity</th><th scope="col">State</th><th scope="col">Model</th><th scope="col">Summary</th><th scope="col">Since</th><th scope="col" class="num">Value</th></tr></thead>
        <tbody>
        {{#active}}
        <tr>
        <th scope="row">{{name}}{{#labels}}<span class="cell-note">{{.}}</span>{{/labels}}</th>
        <td><span class="badge badge-{{severityClass}}">{{severity}}</span></td>
        <td>{{state}}</td>
        <td>{{#modelHref}}<a href="{{modelHref}}">{{model}}</a>{{/modelHref}}{{^modelHref}}—{{/modelHref}}</td>
        <td>{{summary}}</td>
        <td><time datetime="{{sinceISO}}">{{since}}</time></td>
        <td class="num">{{value}}</td>
        </tr>
        {{/active}}
        </tbody>
        </table>
        </div>
        {{/hasActive}}
        {{^hasActive}}<p class="quiet-state">No alert is firing or pending.</p>{{/hasActive}}
        </section>
        <section class="card" aria-labelledby="alerts-history">
        <h2 id="alerts-history">Last 24 hours</h2>
        {{#hasHistory}}
        <div class="table-wrap">
        <table>
        <caption>Alerts that changed state in the last 24 hours, newest first</caption>
        <thead><tr><th scope="col">Alert</th><th scope="col">Severity</th><th scope="col">Became</th><th scope="col">Model</th><th scope="col">Summary</th><th scope="col">At</th></tr></thead>
        <tbody>
        {{#history}}
        <tr>
        <th scope="row">{{name}}{{#labels}}<span class="cell-note">{{.}}</span>{{/labels}}</th>
        <td><span class="badge badge-{{severityClass}}">{{severity}}</span></td>
        <td>{{state}}</td>
        <td>{{#modelHref}}<a href="{{modelHref}}">{{model}}</a>{{/modelHref}}{{^modelHref}}—{{/modelHref}}</td>
        <td>{{summary}}</td>
        <td><time datetime="{{sinceISO}}">{{since}}</time></td>
        </tr>
        {{/history}}
        </tbody>
        </table>
        </div>
        {{/hasHistory}}
        {{^hasHistory}}<p class="quiet-state">No alert changed state in the last 24 hours.</p>{{/hasHistory}}
        </section>
        <section class="card" aria-labelledby="alerts-silences">
        <h2 id="alerts-silences">Silences</h2>
        {{#hasSilences}}
        <div class="table-wrap">
        <table>
        <caption>Silences active or scheduled: matching alerts send no notification</caption>
        <thead><tr><th scope="col">Matchers</th><th scope="col">Ends</th><th scope="col">Created by</th><th scope="col">Comment</th><th scope="col">Id</th></tr></thead>
        <tbody>
        {{#silences}}
        <tr>
        <th scope="row"><code>{{matchers}}</code></th>
        <td><time datetime="{{endsAtISO}}">{{endsAt}}</time></td>
        <td>{{createdBy}}</td>
        <td>{{comment}}</td>
        <td><code>{{id}}</code></td>
        </tr>
        {{/silences}}
        </tbody>
        </table>
        </div>
        {{/hasSilences}}
        {{^hasSilences}}<p class="quiet-state">No silences.</p>{{/hasSilences}}
        </section>
        {{/configured}}

        """#
}
