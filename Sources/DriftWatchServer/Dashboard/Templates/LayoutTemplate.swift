extension DashboardTemplate {
    /// Every page: skip link, header with the main navigation, the page's heading with the
    /// time-range selector and the time it was read, the model navigation, then the page.
    static let layoutText = #"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{documentTitle}}</title>
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
        <link rel="stylesheet" href="/assets/dashboard.css?v={{version}}">
        <script src="/assets/dashboard.js?v={{version}}" defer></script>
        </head>
        <body>
        <a class="skip-link" href="#main">Skip to main content</a>
        <header class="site-header">
        <div class="site-header-inner">
        <a class="brand" href="/"><span aria-hidden="true" class="brand-mark"></span>DriftWatch</a>
        <nav class="site-nav" aria-label="Main">
        <ul>
        {{#nav}}
        <li><a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a></li>
        {{/nav}}
        </ul>
        </nav>
        </div>
        </header>
        <main id="main" tabindex="-1">
        <div class="page-head">
        <div class="page-title">
        {{#model}}<p class="eyebrow">Model</p>{{/model}}
        <h1>{{heading}}</h1>
        </div>
        <div class="page-controls">
        {{#hasRange}}
        <div class="range" role="group" aria-labelledby="range-label">
        <span id="range-label" class="range-label">Time range</span>
        <ul>
        {{#range}}
        <li><a href="{{href}}"{{#current}} aria-current="true"{{/current}}>{{label}}</a></li>
        {{/range}}
        </ul>
        </div>
        {{/hasRange}}
        {{#hasVersions}}
        <div class="range" role="group" aria-labelledby="version-label">
        <span id="version-label" class="range-label">Version</span>
        <ul>
        {{#versions}}
        <li><a href="{{href}}"{{#current}} aria-current="true"{{/current}}>{{label}}</a></li>
        {{/versions}}
        </ul>
        </div>
        {{/hasVersions}}
        <p class="updated">Updated <time datetime="{{updatedISO}}">{{updatedText}}</time>
        <button type="button" class="button button-quiet" data-refresh-toggle aria-pressed="false" hidden>Pause auto-refresh</button>
        <span class="visually-hidden" data-refresh-status aria-live="polite"></span>
        </p>
        </div>
        </div>
        {{#hasModelNav}}
        <nav class="model-nav" aria-label="Model pages">
        <ul>
        {{#modelNav}}
        <li><a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a></li>
        {{/modelNav}}
        </ul>
        </nav>
        {{/hasModelNav}}
        {{#scope}}
        <p class="scope-note">Showing {{description}} only. <a href="{{clearHref}}">Show all traffic</a></p>
        {{/scope}}
        {{{body}}}
        </main>
        <footer class="site-footer">
        <p>DriftWatch {{version}} · <a href="/openapi.json">HTTP API</a> · <a href="/metrics">Prometheus metrics</a> · <a href="/health">Health</a></p>
        </footer>
        </body>
        </html>

        """#

    /// A page that only says what went wrong (unknown model, bad parameter, failed read).
    static let messageText = #"""
        <section class="notice" aria-labelledby="message-heading">
        <h2 id="message-heading" class="visually-hidden">What happened</h2>
        <p>{{text}}</p>
        <p><a href="/">See every model</a></p>
        </section>

        """#

    /// An empty state: what is missing and the commands that fill it. Rendered inside a
    /// section whose context has `heading`, `text` and `commands`.
    static let emptyText = #"""
        <div class="empty">
        <h2 id="empty-heading">{{heading}}</h2>
        <p>{{text}}</p>
        {{#commands}}
        <pre class="command"><code>{{.}}</code></pre>
        {{/commands}}
        </div>

        """#
}
